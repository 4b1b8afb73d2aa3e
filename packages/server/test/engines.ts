import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/**
 * The store engines a suite runs against: SQLite always, PostgreSQL when
 * TIEUP_TEST_POSTGRES names a server (.ci/run starts one and sets it;
 * TIEUP_REQUIRE_POSTGRES=1 makes its absence a failure, not a skip).
 */
export interface Engine {
  name: string;
  /** A fresh, empty database for one test file; `drop` removes it. */
  fresh(): Promise<{ url: string; drop(): Promise<void> }>;
}

const pgUrl = process.env.TIEUP_TEST_POSTGRES;
if (!pgUrl && process.env.TIEUP_REQUIRE_POSTGRES === "1") throw new Error("TIEUP_REQUIRE_POSTGRES=1 but TIEUP_TEST_POSTGRES is not set");

const sqlite: Engine = {
  name: "sqlite",
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), "tieup-store-"));
    return { url: join(dir, "workspace.sqlite"), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

const postgres = (admin: string): Engine => ({
  name: "postgres",
  async fresh() {
    const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const run = async (q: string) => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(q);
      } finally {
        await c.end();
      }
    };
    await run(`create database ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
  },
});

export const ENGINES: Engine[] = [sqlite, ...(pgUrl ? [postgres(pgUrl)] : [])];
