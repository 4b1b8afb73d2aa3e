import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "tieup-worker-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Port 1 on loopback: nothing listens there, so the connection is refused at once.
const NOWHERE = "redis://127.0.0.1:1";

describe("tieup worker and serve --queue when Redis cannot be reached", () => {
  it("worker: exit 2 with the URL and the reason, no stack trace", async () => {
    const r = await runCli("worker", "--queue", NOWHERE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--queue: cannot reach the queue redis://127.0.0.1:1");
    expect(r.stderr).toContain("ECONNREFUSED");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });

  it("serve: exit 2 before listening, and a password in the URL is not printed", async () => {
    const r = await runCli("serve", "--port", "0", "--db", join(tmp, "w.sqlite"), "--queue", "redis://:hunter2@127.0.0.1:1");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--queue: cannot reach the queue");
    expect(r.stderr).not.toContain("hunter2");
    expect(r.stdout).toBe("");
  });

  it("refuses a queue that is not a Redis URL and a chunk that is not a count", async () => {
    const url = await runCli("worker", "--queue", "http://127.0.0.1:6379");
    expect(url.code).toBe(2);
    expect(url.stderr).toContain("redis://");
    const chunk = await runCli("serve", "--port", "0", "--queue", NOWHERE, "--chunk", "0");
    expect(chunk.code).toBe(2);
    expect(chunk.stderr).toContain("draws per chunk");
  });
});
