import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Store } from "../src/index.js";
import { ENGINES } from "./engines.js";

const SERVER = join(import.meta.dirname, "fixtures/server.mjs");

async function start(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [SERVER, db], { cwd: join(import.meta.dirname, ".."), stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout?.on("data", (b: Buffer) => {
    out += b.toString();
  });
  for (let k = 0; k < 200 && !/PORT \d+/.test(out); k++) await new Promise((ok) => setTimeout(ok, 25));
  const port = /PORT (\d+)/.exec(out)?.[1];
  if (!port) throw new Error(`the server did not start: ${out}`);
  return { child, url: `http://127.0.0.1:${port}` };
}

interface Acked {
  number: number;
  text: string;
}

/** One writer: read the ETag, save on top of it, again, until the server dies; every 201 is recorded. */
async function writer(url: string, name: string, acked: Acked[]): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      const head = await fetch(`${url}/api/scenarios/k`, { headers: { host: "127.0.0.1" } });
      const etag = head.headers.get("etag") as string;
      const text = `id: k\n# ${name} save ${i}\n${"x".repeat(2000 + i)}\n`;
      const res = await fetch(`${url}/api/scenarios/k/files`, {
        method: "PATCH",
        headers: { host: "127.0.0.1", "content-type": "application/json", "if-match": etag },
        body: JSON.stringify({ set: { "/s.yaml": text }, message: `${name}-${i}` }),
      });
      if (res.status === 201) acked.push({ number: ((await res.json()) as { number: number }).number, text });
      else await res.text();
    } catch {
      return; // the server is gone
    }
  }
}

describe.each(ENGINES)("kill -9 during saves on $name", (engine) => {
  it("loses no acknowledged version and leaves no partial one", async () => {
    const db = await engine.fresh();
    const acked: Acked[] = [];
    try {
      const seed = await Store.open(db.url);
      await seed.createScenario("k", "", { entry: "/s.yaml", files: { "/s.yaml": "id: k\n" }, message: "" });
      await seed.close();
      for (let round = 0; round < 4; round++) {
        const { child, url } = await start(db.url);
        const writers = ["a", "b", "c"].map((n) => writer(url, `${n}${round}`, acked));
        await new Promise((ok) => setTimeout(ok, 150 + Math.random() * 350));
        child.kill("SIGKILL");
        await once(child, "exit");
        await Promise.all(writers);
      }
      const store = await Store.open(db.url);
      try {
        const head = (await store.getScenario("k"))?.head as number;
        const versions = await store.listVersions("k");
        expect(versions.map((v) => v.number)).toEqual(Array.from({ length: head }, (_, k) => k + 1));
        // Every stored version reads back whole (getVersion checks its checksum) ...
        for (const v of versions) expect((await store.getVersion("k", v.number))?.files["/s.yaml"]).toBeDefined();
        // ... and every version a client was told was saved is there with the text it sent.
        expect(acked.length).toBeGreaterThan(3);
        if (process.env.TIEUP_KILL_REPORT) console.log(`${engine.name}: ${acked.length} acknowledged saves, ${head} versions after 4 kills`);
        for (const a of acked) expect((await store.getVersion("k", a.number))?.files["/s.yaml"]).toBe(a.text);
      } finally {
        await store.close();
      }
    } finally {
      await db.drop();
    }
  }, 60_000);
});
