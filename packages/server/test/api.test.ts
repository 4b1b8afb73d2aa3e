import { gunzipSync } from "node:zlib";
import {
  dealParties,
  defaultMetricNames,
  drawPlan,
  loadScenario,
  type Metric,
  memoryReader,
  parseMetric,
  rows,
  runDraws,
  runScenario,
  SweepSummary,
} from "@tieup/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultUncertainPath } from "../../cli/src/commands/sweep.js";
import { scenarioPayload } from "../../cli/src/serve/payload.js";
import { openWorkspace, type Workspace } from "../src/index.js";
import { ENGINES } from "./engines.js";

const { payload } = scenarioPayload(defaultUncertainPath());
type Json = Record<string, unknown> & { errors?: { path: string; message: string }[] };

describe.each(ENGINES)("API on $name", (engine) => {
  let ws: Workspace;
  let drop: () => Promise<void>;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await ws.app.request(path, {
      method,
      headers: { host: "127.0.0.1:5174", ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, etag: res.headers.get("etag"), body: (text.startsWith("{") || text.startsWith("[") ? JSON.parse(text) : text) as Json };
  };
  const settle = async (runId: string) => {
    await ws.runner.settled(runId);
    return (await call("GET", `/api/runs/${runId}`)).body;
  };

  beforeAll(async () => {
    const db = await engine.fresh();
    drop = db.drop;
    ws = await openWorkspace({ db: db.url, concurrency: 1 });
  });
  afterAll(async () => {
    await ws.close();
    await drop();
  });

  it("creates a scenario from its files and answers with version 1 and its ETag", async () => {
    const r = await call("POST", "/api/scenarios", { id: "nh", title: "Nissan–Honda", entry: payload.entry, files: payload.files });
    expect(r.status).toBe(201);
    expect(r.etag).toBe('"v1"');
    expect((r.body.issues as { severity: string }[]).filter((i) => i.severity === "error")).toEqual([]);
    expect((await call("POST", "/api/scenarios", { id: "nh", entry: payload.entry, files: payload.files })).status).toBe(409);
  });

  it("sends a version's files gzipped to a client that accepts it", async () => {
    const res = await ws.app.request("/api/scenarios/nh/versions/1", { headers: { host: "127.0.0.1", "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const packed = Buffer.from(await res.arrayBuffer());
    const files = (JSON.parse(gunzipSync(packed).toString()) as { files: Record<string, string> }).files;
    expect(files).toEqual(payload.files);
    expect(packed.length).toBeLessThan(JSON.stringify(payload.files).length / 3);
  });

  it("saves an edit only on top of the latest version: 428 without If-Match, 412 when stale", async () => {
    const edit = { set: { [payload.entry]: `${payload.files[payload.entry]}\n# edited\n` }, message: "a comment" };
    expect((await call("PATCH", "/api/scenarios/nh/files", edit)).status).toBe(428);
    const ok = await call("PATCH", "/api/scenarios/nh/files", edit, { "if-match": '"v1"' });
    expect(ok.status).toBe(201);
    expect(ok.etag).toBe('"v2"');
    const stale = await call("PATCH", "/api/scenarios/nh/files", edit, { "if-match": '"v1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.errors?.[0]?.path).toBe("If-Match");
    expect((await call("GET", "/api/scenarios/nh")).etag).toBe('"v2"');
  });

  it("diffs two versions file by file", async () => {
    const r = await call("GET", "/api/scenarios/nh/diff?from=1&to=2");
    expect(r.status).toBe(200);
    const files = r.body.files as { path: string; status: string; patch: string }[];
    expect(files.map((f) => [f.path, f.status])).toEqual([[payload.entry, "changed"]]);
    expect(files[0]?.patch).toContain("+# edited");
  });

  it("evaluates a stored version on a worker with the same numbers as the engine in process", async () => {
    const started = await call("POST", "/api/scenarios/nh/runs", { kind: "evaluate", version: 1 });
    expect(started.status).toBe(202);
    const run = await settle(started.body.id as string);
    expect(run.status).toBe("done");
    const companies = (run.result as { tables: { companies: { company: string; period: string; operatingProfit: number }[] } }).tables.companies;
    const direct = runScenario(loadScenario(payload.entry, memoryReader(payload.files)).scenario as never).results;
    const nissan = companies.find((c) => c.company === "nissan" && c.period === "FY2025");
    const expected = rows(direct.companies).find((c) => c.company === "nissan" && c.period === "FY2025") as unknown as { operatingProfit: number };
    expect(nissan?.operatingProfit).toBe(expected.operatingProfit);
    const history = await call("GET", "/api/scenarios/nh/runs");
    expect((history.body as unknown as { id: string; version: number }[]).map((h) => [h.id, h.version])).toContainEqual([started.body.id, 1]);
  }, 60_000);

  it("cancels a sweep after some draws and keeps them, labelled, equal to a sweep of that many draws", async () => {
    const started = await call("POST", "/api/scenarios/nh/runs", { kind: "sweep", params: { draws: 5000, seed: 7 } });
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    for (let k = 0; k < 200; k++) {
      const r = await call("GET", `/api/runs/${id}`);
      if ((r.body.progress as number) > 0) break;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    expect((await call("POST", `/api/runs/${id}/cancel`)).status).toBe(202);
    const run = await settle(id);
    expect(run.status).toBe("cancelled");
    const result = run.result as { draws: number; interrupted: boolean; outputs: { summary: { mean: number } }[] };
    expect(result.interrupted).toBe(true);
    expect(result.draws).toBeGreaterThan(0);
    expect(result.draws).toBeLessThan(5000);
    const s = loadScenario(payload.entry, memoryReader(payload.files)).scenario as never;
    const parties = dealParties(s);
    const metrics = defaultMetricNames(s, parties).map((n) => (parseMetric(s, n, parties) as { metric: Metric }).metric);
    const summary = new SweepSummary(metrics, result.draws, false);
    summary.addRows(runDraws(s, drawPlan(s), metrics, 7, 0, result.draws));
    expect(result.outputs[0]?.summary.mean).toBeCloseTo(summary.summaries()[0]?.summary.mean as number, 6);
    expect((await call("POST", `/api/runs/${id}/cancel`)).status).toBe(409);
  }, 60_000);

  it("refuses bad run parameters with the parameter's path, and an invalid version with its issues", async () => {
    const bad = await call("POST", "/api/scenarios/nh/runs", { kind: "sweep", params: { draws: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.path).toBe("params.draws");
    const kind = await call("POST", "/api/scenarios/nh/runs", { kind: "nope" });
    expect(kind.status).toBe(400);
    expect(kind.body.errors?.[0]?.path).toBe("json.kind");
    const broken = await call("PATCH", "/api/scenarios/nh/files", { set: { [payload.entry]: "id: [unclosed\n" } }, { "if-match": '"v2"' });
    expect(broken.status).toBe(201);
    expect((broken.body.issues as { severity: string }[]).some((i) => i.severity === "error")).toBe(true);
    const refused = await call("POST", "/api/scenarios/nh/runs", { kind: "evaluate" });
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.length).toBeGreaterThan(0);
  });

  it("keeps file paths to its own root: `__proto__`, `..` and absolute Windows paths are refused", async () => {
    for (const path of ["__proto__", "/../etc/passwd", "/a/./b.yaml", "C:\\x.yaml"]) {
      const r = await call("POST", "/api/scenarios", `{"id":"p","entry":"/s.yaml","files":{"/s.yaml":"id: s","${path.replace(/\\/g, "\\\\")}":"x"}}`);
      expect(r.status, path).toBe(400);
      expect(r.body.errors?.[0]?.path, path).toMatch(/^json\.files/);
    }
    expect((await call("GET", "/api/scenarios/p")).status).toBe(404);
  });

  it("answers only to its host names and refuses changes from other origins", async () => {
    expect((await call("GET", "/api/scenarios", undefined, { host: "evil.example" })).status).toBe(403);
    const cross = await call("POST", "/api/scenarios", { id: "x", entry: "/s.yaml", files: { "/s.yaml": "id: x" } }, { origin: "http://evil.example" });
    expect(cross.status).toBe(403);
    expect(cross.body.errors?.[0]?.path).toBe("Origin");
  });

  it("publishes an OpenAPI 3.1 document of every route, and a page listing them", async () => {
    const doc = (await call("GET", "/openapi.json")).body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/scenarios",
        "/api/scenarios/{id}/versions",
        "/api/scenarios/{id}/diff",
        "/api/scenarios/{id}/runs",
        "/api/runs/{runId}/cancel",
      ]),
    );
    expect(doc.paths["/api/scenarios/{id}/versions"]?.post).toBeDefined();
    const page = await call("GET", "/api/docs");
    expect(page.body).toContain("/api/scenarios/{id}/diff");
  });

  it("deletes a scenario only with the latest ETag", async () => {
    expect((await call("DELETE", "/api/scenarios/nh", undefined, { "if-match": '"v1"' })).status).toBe(412);
    expect((await call("DELETE", "/api/scenarios/nh", undefined, { "if-match": '"v3"' })).status).toBe(204);
    expect((await call("GET", "/api/scenarios/nh")).status).toBe(404);
  });
});

describe("API beyond loopback", () => {
  it("requires a token, and write scope for changes", async () => {
    const db = await ENGINES[0]?.fresh();
    if (!db) throw new Error("no engine");
    const ws = await openWorkspace({ db: db.url, requireToken: true, allowHosts: ["tieup.internal"] });
    try {
      const read = await ws.store.createToken("reader", "read");
      const write = await ws.store.createToken("writer", "write");
      const call = (method: string, secret?: string) =>
        ws.app.request("/api/scenarios", {
          method,
          headers: { host: "tieup.internal", "content-type": "application/json", ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
          ...(method === "POST" ? { body: JSON.stringify({ id: "t", entry: "/s.yaml", files: { "/s.yaml": "id: t" } }) } : {}),
        });
      expect((await call("GET")).status).toBe(401);
      expect((await call("GET", "tieup_wrong")).status).toBe(401);
      expect((await call("GET", read.secret)).status).toBe(200);
      expect((await call("POST", read.secret)).status).toBe(403);
      expect((await call("POST", write.secret)).status).toBe(201);
      await ws.store.revokeToken(write.id);
      expect((await call("GET", write.secret)).status).toBe(401);
    } finally {
      await ws.close();
      await db.drop();
    }
  });

  it("refuses a body over the size limit with 413", async () => {
    const db = await ENGINES[0]?.fresh();
    if (!db) throw new Error("no engine");
    const ws = await openWorkspace({ db: db.url });
    try {
      const res = await ws.app.request("/api/scenarios", {
        method: "POST",
        headers: { host: "127.0.0.1", "content-type": "application/json" },
        body: JSON.stringify({ id: "big", entry: "/s.yaml", files: { "/s.yaml": "x".repeat(33 * 1024 * 1024) } }),
      });
      expect(res.status).toBe(413);
    } finally {
      await ws.close();
      await db.drop();
    }
  });
});
