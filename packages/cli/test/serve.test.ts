import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { loadScenario, memoryReader } from "@tieup/core";
import { afterAll, describe, expect, it } from "vitest";
import { serveCommand } from "../src/commands/serve.js";
import { pickEncoding } from "../src/serve/compress.js";
import { commonDir, scenarioPayload } from "../src/serve/payload.js";
import { startServer, staticFile } from "../src/serve/server.js";
import { runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "tieup-serve-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the scenario payload of tieup serve", () => {
  it("carries the scenario, its CSV tables, its overrides and the cited data, under one root", () => {
    const { payload } = scenarioPayload(undefined);
    expect(payload.entry).toBe("/scenarios/nissan-honda-us.yaml");
    const names = Object.keys(payload.files);
    for (const f of [
      "/data/model/demand.csv",
      "/data/model/fx.csv",
      "/scenarios/overrides/tariff-high.yaml",
      "/data/assumptions.yaml",
      "/data/facts/tariffs.csv",
    ])
      expect(names).toContain(f);
    expect(names.every((n) => n.startsWith("/") && !n.includes(".."))).toBe(true);
  });

  it("carries a project outside the repository with the libraries it extends, so the browser composes it alike", () => {
    const mine = join(tmp, "toyota-mazda-us.yaml");
    copyFileSync(fileURLToPath(new URL("../../../scenarios/examples/toyota-mazda-us.yaml", import.meta.url)), mine);
    const { payload } = scenarioPayload(mine);
    expect(payload.entry).toBe("/project/toyota-mazda-us.yaml");
    expect(Object.keys(payload.files)).toEqual(
      expect.arrayContaining(["/library/us-tariffs-2025.yaml", "/library/plants/toyota.yaml", "/data/assumptions.yaml"]),
    );
    const again = loadScenario(payload.entry, memoryReader(payload.files));
    expect(again.issues).toEqual([]);
    expect(again.scenario?.plants.map((p) => p.id)).toEqual(["tmmk", "mtm-alabama", "hiroshima"]);
  });

  it("finds the deepest folder shared by every file", () => {
    expect(commonDir(["/a/b/c/x.yaml", "/a/b/d/y.csv", "/a/b/z.csv"])).toBe("/a/b");
    expect(commonDir(["/a/x.yaml"])).toBe("/a");
  });

  it("rejects a bad scenario with exit code 2 and its paths, before listening", async () => {
    const bad = join(tmp, "bad.yaml");
    writeFileSync(
      bad,
      "tieup: 1\nid: bad\nhorizon: { fiscalYears: { from: 2025, to: 2026 } }\nplants:\n  - { id: p, owner: nobody, country: US, capacity: -5 }\n",
    );
    const r = await runCli("serve", bad, "--port", "0");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("plants[0]");
    expect(r.stdout).toBe("");
  });

  it("rejects a port that is not one", async () => {
    const r = await runCli("serve", "--port", "http");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("0 to 65535");
  });
});

describe("the static server", () => {
  const root = mkdtempSync(join(tmpdir(), "tieup-web-"));
  writeFileSync(join(root, "index.html"), "<!doctype html><title>t</title>");
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("serves the app, the scenario as JSON, and nothing outside its folder", async () => {
    const s = await startServer(root, { entry: "/s.yaml", files: { "/s.yaml": "id: s" } }, 0);
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const index = await fetch(s.url);
      expect(index.headers.get("content-type")).toContain("text/html");
      expect(await index.text()).toContain("<title>t</title>");
      const api = await fetch(new URL("api/scenario", s.url));
      expect(await api.json()).toEqual({ entry: "/s.yaml", files: { "/s.yaml": "id: s" } });
      expect((await fetch(new URL("missing.js", s.url))).status).toBe(404);
      expect((await fetch(new URL("x", s.url), { method: "POST" })).status).toBe(405);
      expect((await fetch(new URL("%E0%A4%A", s.url))).status).toBe(400);
    } finally {
      await s.close();
    }
  });

  it("sends text compressed to a browser that accepts it, and the same bytes once decoded", async () => {
    const js = `export const x = ${JSON.stringify("tieup ".repeat(2000))};\n`;
    writeFileSync(join(root, "app.js"), js);
    const s = await startServer(root, { entry: "/s.yaml", files: { "/s.yaml": "id: s" } }, 0);
    try {
      const br = await raw(new URL("app.js", s.url), "gzip, deflate, br");
      expect(br.headers["content-encoding"]).toBe("br");
      expect(br.headers.vary).toBe("accept-encoding");
      expect(br.body.length).toBeLessThan(js.length / 10);
      expect(brotliDecompressSync(br.body).toString()).toBe(js);
      const gz = await raw(new URL("app.js", s.url), "gzip");
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gz.body).toString()).toBe(js);
      const plain = await raw(new URL("app.js", s.url), "");
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.toString()).toBe(js);
      // Too small to be worth it: sent as it is.
      expect((await raw(new URL("index.html", s.url), "br")).headers["content-encoding"]).toBeUndefined();
    } finally {
      await s.close();
    }
  });

  it("picks brotli, then gzip, and never a coding refused with q=0", () => {
    expect(pickEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(pickEncoding("gzip;q=0.8, br;q=0")).toBe("gzip");
    expect(pickEncoding("*;q=0")).toBeUndefined();
    expect(pickEncoding("*")).toBe("br");
    expect(pickEncoding(undefined)).toBeUndefined();
    expect(pickEncoding("identity")).toBeUndefined();
  });

  it("never maps a path outside the app folder", () => {
    expect(staticFile(root, "/../../etc/passwd")).toBeUndefined();
    expect(staticFile(root, "/%2e%2e/secret")).toBeUndefined();
    expect(staticFile(root, "/../")).toBeUndefined();
    expect(staticFile(root, "/")).toBe(join(root, "index.html"));
  });
});

describe("tieup serve", () => {
  const app = mkdtempSync(join(tmpdir(), "tieup-app-"));
  writeFileSync(join(app, "index.html"), "<!doctype html><title>app</title>");
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it("says how to build the app when it is not built", async () => {
    const err = await serveCommand(undefined, { port: 0, db: join(app, "ws.sqlite") }, Promise.resolve(), tmp).catch((e: unknown) => e);
    expect((err as { issues: { suggestion: string }[] }).issues[0]?.suggestion).toContain("npm run build");
  });

  it("prints the URL, serves the built-in scenario and stops when told", async () => {
    let stop: () => void = () => {};
    const until = new Promise<void>((r) => {
      stop = r;
    });
    let out = "";
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => {
      out += chunk;
      return true;
    }) as typeof process.stdout.write;
    try {
      const running = serveCommand(undefined, { port: 0, db: join(app, "ws.sqlite") }, until, app).catch((e: unknown) => e);
      await expect.poll(() => out, { timeout: 10_000 }).toMatch(/http:\/\/127\.0\.0\.1:\d+\//);
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0] as string;
      const body = (await (await fetch(new URL("api/scenario", url))).json()) as { entry: string };
      expect(body.entry).toBe("/scenarios/nissan-honda-us.yaml");
      // The scenario is stored in the workspace, and the API answers beside the app.
      const stored = (await (await fetch(new URL("api/scenarios", url))).json()) as { id: string; head: number }[];
      expect(stored.map((x) => [x.id, x.head])).toEqual([["nissan-honda-us", 1]]);
      expect(((await (await fetch(new URL("openapi.json", url))).json()) as { openapi: string }).openapi).toBe("3.1.0");
      stop();
      expect(await running).toBeUndefined();
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      process.stdout.write = write;
    }
  });
});

/** A GET with exactly this Accept-Encoding (fetch would add its own and decode): the headers and the bytes as sent. */
function raw(url: URL, acceptEncoding: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = request(url, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", fail);
    req.end();
  });
}
