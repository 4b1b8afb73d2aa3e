import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Store } from "@tieup/server";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";

const dir = mkdtempSync(join(tmpdir(), "tieup-token-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const [o, e] = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((c: string) => {
    out += c;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((c: string) => {
    err += c;
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(["node", "tieup", ...args]), out, err };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

describe("tieup token", () => {
  const db = join(dir, "ws.sqlite");
  it("creates a token whose secret is printed once and works; revoke ends it", async () => {
    const made = await cli(["token", "create", "--name", "ci", "--scope", "write", "--db", db]);
    expect(made.code).toBe(0);
    const secret = /tieup_[A-Za-z0-9_-]+/.exec(made.out)?.[0] as string;
    const id = /token (\S+) \(write\)/.exec(made.out)?.[1] as string;
    const store = await Store.open(db);
    expect(await store.tokenScope(secret)).toBe("write");
    const listed = await cli(["token", "list", "--db", db]);
    expect(listed.out).toContain(`${id}\twrite\tci`);
    expect(listed.out).not.toContain(secret);
    expect((await cli(["token", "revoke", id, "--db", db])).code).toBe(0);
    expect(await store.tokenScope(secret)).toBeUndefined();
    await store.close();
  });

  it("revoking an unknown token is bad input (exit 2) with a suggestion", async () => {
    const r = await cli(["token", "revoke", "nope", "--db", db]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("tieup token list");
  });
});
