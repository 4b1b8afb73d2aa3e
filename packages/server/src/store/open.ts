import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { migrations } from "./migrations.js";
import type { Database } from "./schema.js";

export type Engine = "sqlite" | "postgres";

/** Which engine a `--db` value names: a postgres:// URL, otherwise a SQLite file. */
export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/**
 * Opens the store at `url` (a SQLite file path or a postgres:// URL) and
 * brings its tables up to the latest migration.
 */
export async function openDatabase(url: string): Promise<{ db: Kysely<Database>; engine: Engine }> {
  const engine = engineOf(url);
  const db = new Kysely<Database>({ dialect: engine === "postgres" ? postgres(url) : sqlite(url) });
  const { error, results } = await new Migrator({ db, provider: migrations }).migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`cannot migrate the store at ${redact(url)}${failed ? ` (${failed})` : ""}: ${(error as Error).message}`);
  }
  return { db, engine };
}

function sqlite(path: string): SqliteDialect {
  const file = path.replace(/^sqlite:/i, "");
  return new SqliteDialect({ database: async () => connect(file) });
}

/** WAL with full sync: a version acknowledged to a client is on disk, whatever kills the process next. */
function connect(file: string): SQLite.Database {
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  return db;
}

function postgres(url: string): PostgresDialect {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (a restart, an admin's kill) is replaced on next use, not a crash.
  pool.on("error", () => {});
  return new PostgresDialect({ pool });
}

/** A connection URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]*):[^@]*@/, "$1:***@");
}
