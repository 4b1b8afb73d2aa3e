import { describe, expect, it } from "vitest";
import { loadSource } from "../src/engine/source.js";
import { formatHash, parseHash } from "../src/state/url.js";
import { ApiError, WorkspaceApi } from "../src/workspace/api.js";
import { progressOf, valueIn } from "../src/workspace/RunHistory.js";

/** A fetch that records each request and answers from a list. */
function fakeFetch(answers: { status: number; body: unknown }[]) {
  const calls: { url: string; method: string; headers: Record<string, string>; body?: unknown }[] = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    calls.push({
      url,
      method: String(init.method),
      headers: init.headers as Record<string, string>,
      ...(init.body ? { body: JSON.parse(String(init.body)) } : {}),
    });
    const a = answers.shift() ?? { status: 500, body: {} };
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { "content-type": "application/json" } });
  }) as unknown as typeof fetch;
  return { fetcher, calls };
}

describe("the workspace API client", () => {
  it("saves the edited files on top of the version open, with its ETag", async () => {
    const { fetcher, calls } = fakeFetch([{ status: 201, body: { number: 4 } }]);
    const v = await new WorkspaceApi(fetcher).save("nissan-honda-us", 3, { "/s.yaml": "id: s\n" }, "why");
    expect(v.number).toBe(4);
    expect(calls).toEqual([
      {
        url: "api/scenarios/nissan-honda-us/files",
        method: "PATCH",
        headers: { accept: "application/json", "content-type": "application/json", "if-match": '"v3"' },
        body: { set: { "/s.yaml": "id: s\n" }, message: "why" },
      },
    ]);
  });

  it("turns a refusal into an error with the API's path-named issues and its status", async () => {
    const issue = { severity: "error", path: "If-Match", message: "version 3 is not the latest (4)" };
    const { fetcher } = fakeFetch([{ status: 412, body: { errors: [issue] } }]);
    const e = await new WorkspaceApi(fetcher).save("a", 3, {}, "").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(412);
    expect((e as ApiError).issues).toEqual([issue]);
  });

  it("names the status when the answer is not the API's (a proxy's HTML page)", async () => {
    const fetcher = (async () => new Response("<html>bad gateway</html>", { status: 502 })) as unknown as typeof fetch;
    const e = (await new WorkspaceApi(fetcher).scenarios().catch((x: unknown) => x)) as ApiError;
    expect(e.issues).toEqual([{ severity: "error", path: "(workspace)", message: "the workspace answered 502" }]);
  });

  it("escapes ids in URLs: an id is input like any other", async () => {
    const { fetcher, calls } = fakeFetch([{ status: 404, body: { errors: [] } }]);
    await new WorkspaceApi(fetcher).run("../scenarios").catch(() => undefined);
    expect(calls[0]?.url).toBe("api/runs/..%2Fscenarios");
  });
});

describe("a link to a stored version", () => {
  it("round-trips the scenario and version with the view and controls", () => {
    const hash = "#/workspace?scenario=e2e-copy&version=2&t.jp-auto-15=0.2";
    const s = parseHash(hash);
    expect(s).toMatchObject({ view: "workspace", scenario: "e2e-copy", version: 2, controls: { tariffs: { "jp-auto-15": 0.2 } } });
    expect(formatHash(s)).toBe(hash);
  });

  it("drops a version that is not a whole number from 1, and a version without a scenario", () => {
    for (const v of ["0", "-1", "1.5", "x", ""]) expect(parseHash(`#/overview?scenario=a&version=${v}`).version).toBeUndefined();
    expect(parseHash("#/overview?version=3")).not.toHaveProperty("version");
  });
});

describe("runs as the history shows them", () => {
  const run = { id: "r", scenarioId: "a", version: 1, status: "running" as const, createdAt: "" };
  it("counts a sweep's progress in draws, where a percentage would round 25 of 100,000 to 0%", () => {
    expect(progressOf({ ...run, kind: "sweep", params: { draws: 100000 }, progress: 25 / 100000 })).toBe("25 of 100,000 draws");
    expect(progressOf({ ...run, kind: "compare", params: {}, progress: 0.5 })).toBe("50%");
  });

  it("shows a statistic in its metric's unit", () => {
    expect(valueIn(-10.3e9, "JPY")).toBe("−¥10.3bn");
    expect(valueIn(0.25, "probability")).toBe("25.0%");
    expect(valueIn(61_500, "units")).toBe("61.5k units");
    expect(valueIn(null, "JPY")).toBe("–");
  });
});

describe("opening a workspace bound beyond loopback", () => {
  it("asks for a token instead of falling back to the bundled scenario when the server answers 401", async () => {
    const issue = { severity: "error", path: "Authorization", message: "a token is required on this address" };
    const { fetcher } = fakeFetch([{ status: 401, body: { errors: [issue] } }]);
    expect(await loadSource(fetcher)).toEqual({ origin: "locked", issues: [issue] });
  });

  it("opens the served scenario with its stored id", async () => {
    const { fetcher } = fakeFetch([{ status: 200, body: { entry: "/s.yaml", files: { "/s.yaml": "id: s" }, stored: { id: "s" } } }]);
    expect(await loadSource(fetcher)).toEqual({ source: { entry: "/s.yaml", files: { "/s.yaml": "id: s" } }, origin: "server", stored: "s" });
  });
});
