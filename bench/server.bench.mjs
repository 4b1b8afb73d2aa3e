#!/usr/bin/env node
// Load on the workspace API over loopback: R concurrent readers and W writers for S seconds against the
// server in its own process (SQLite, and PostgreSQL when TIEUP_TEST_POSTGRES names one). Prints requests/s,
// p50/p99 latency and errors (a 412 from a writer that lost a race is an expected answer, counted apart).
// Peer in the same run: a bare node:http server answering the same read from memory, the floor of the
// reads' cost on this machine. Needs `npm run build` (it runs packages/server/dist).
//   node bench/server.bench.mjs [--seconds 60] [--readers 200] [--writers 20]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "60" }, readers: { type: "string", default: "200" }, writers: { type: "string", default: "20" } },
});
const seconds = Number(values.seconds);
const readers = Number(values.readers);
const writers = Number(values.writers);
const here = import.meta.dirname;
const FILES = { "/s.yaml": `id: s\ntitle: load\n${"# padding\n".repeat(200)}` };

function startServer(db) {
  const child = spawn(process.execPath, [join(here, "../packages/server/test/fixtures/server.mjs"), db], {
    cwd: join(here, "../packages/server"),
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((ok, fail) => {
    child.stdout.on("data", (b) => {
      const port = /PORT (\d+)/.exec(String(b))?.[1];
      if (port) ok({ child, url: `http://127.0.0.1:${port}` });
    });
    child.on("exit", (code) => fail(new Error(`server exited ${code}`)));
  });
}

const H = { host: "127.0.0.1", "content-type": "application/json" };

async function load(url, withWriters) {
  const lat = { read: [], write: [] };
  const count = { read: 0, write: 0, conflict: 0, errors: 0 };
  const until = Date.now() + seconds * 1000;
  const timed = async (kind, f) => {
    const t = performance.now();
    const res = await f().catch(() => undefined);
    const ms = performance.now() - t;
    if (!res) return count.errors++;
    await res.arrayBuffer();
    if (res.status === 412) count.conflict++;
    else if (res.status >= 400) count.errors++;
    else {
      lat[kind].push(ms);
      count[kind]++;
    }
    return res;
  };
  const reader = async () => {
    while (Date.now() < until) await timed("read", () => fetch(`${url}/api/scenarios/s/versions/1`, { headers: H }));
  };
  const writer = async (k) => {
    for (let i = 0; Date.now() < until; i++) {
      const head = await fetch(`${url}/api/scenarios/s`, { headers: H }).catch(() => undefined);
      if (!head) {
        count.errors++;
        continue;
      }
      await head.arrayBuffer();
      const etag = head.headers.get("etag");
      await timed("write", () =>
        fetch(`${url}/api/scenarios/s/files`, {
          method: "PATCH",
          headers: { ...H, "if-match": etag },
          body: JSON.stringify({ set: { "/s.yaml": `${FILES["/s.yaml"]}# w${k} ${i}\n` } }),
        }),
      );
    }
  };
  await Promise.all([...Array.from({ length: readers }, reader), ...(withWriters ? Array.from({ length: writers }, (_, k) => writer(k)) : [])]);
  const q = (a, p) => (a.length ? a.sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * a.length))] : Number.NaN);
  return {
    readsPerS: count.read / seconds,
    writesPerS: count.write / seconds,
    readP50: q(lat.read, 0.5),
    readP99: q(lat.read, 0.99),
    writeP50: q(lat.write, 0.5),
    writeP99: q(lat.write, 0.99),
    conflicts: count.conflict,
    errors: count.errors,
  };
}

async function seed(url) {
  const res = await fetch(`${url}/api/scenarios`, { method: "POST", headers: H, body: JSON.stringify({ id: "s", entry: "/s.yaml", files: FILES }) });
  // 409: a PostgreSQL database kept the scenario of an earlier run; the writers start from its latest version.
  if (res.status !== 201 && res.status !== 409) throw new Error(`seed: ${res.status} ${await res.text()}`);
}

const peer = await new Promise((ok) => {
  const body = JSON.stringify({ scenarioId: "s", number: 1, entry: "/s.yaml", files: FILES, issues: [] });
  const s = createServer((_, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
  s.listen(0, "127.0.0.1", () => ok(s));
});
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1) : "–");
console.log(
  `${readers} readers + ${writers} writers for ${seconds} s on loopback; load average before: ${(await import("node:os"))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
const peerRun = await load(`http://127.0.0.1:${peer.address().port}`, false);
peer.close();
console.log(`peer (node:http, read from memory): ${fmt(peerRun.readsPerS)} reads/s, p50 ${fmt(peerRun.readP50)} ms, p99 ${fmt(peerRun.readP99)} ms`);
const dir = mkdtempSync(join(tmpdir(), "tieup-load-"));
const engines = [["sqlite", join(dir, "load.sqlite")], ...(process.env.TIEUP_TEST_POSTGRES ? [["postgres", process.env.TIEUP_TEST_POSTGRES]] : [])];
try {
  for (const [name, db] of engines) {
    const { child, url } = await startServer(db);
    try {
      await seed(url);
      const r = await load(url, true);
      console.log(
        `${name}: ${fmt(r.readsPerS)} reads/s (×${(r.readsPerS / peerRun.readsPerS).toFixed(2)} of the peer), p50 ${fmt(r.readP50)} ms, p99 ${fmt(r.readP99)} ms; ` +
          `${fmt(r.writesPerS)} saves/s, p50 ${fmt(r.writeP50)} ms, p99 ${fmt(r.writeP99)} ms; ${r.conflicts} stale saves refused (412); errors ${r.errors}`,
      );
    } finally {
      child.kill();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
