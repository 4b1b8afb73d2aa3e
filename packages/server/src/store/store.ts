import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { type Engine, openDatabase } from "./open.js";
import type { Database, RunRow, ScenarioRow, VersionRow } from "./schema.js";

import type { Files, RunInfo, RunStatus, ScenarioInfo, Version, VersionInfo } from "./shapes.js";

export type { Files, RunInfo, RunStatus, ScenarioInfo, Version, VersionInfo };

export type Scope = "read" | "write";

/** Why a write was refused: the caller's view is stale, the thing exists already, or is not there. */
export class StoreConflict extends Error {
  constructor(
    readonly kind: "stale" | "exists" | "missing",
    message: string,
  ) {
    super(message);
  }
}

/**
 * The workspace's storage: scenarios, their immutable versions, runs and
 * access tokens, in SQLite or PostgreSQL through one set of queries. Every
 * write is one transaction; a version is written whole or not at all, and
 * its checksum is checked on every read.
 */
export class Store {
  private constructor(
    readonly db: Kysely<Database>,
    readonly engine: Engine,
    /** Where it is: a SQLite file or a postgres:// URL. */
    readonly url: string,
  ) {}

  static async open(url: string): Promise<Store> {
    const { db, engine } = await openDatabase(url);
    return new Store(db, engine, url);
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  async listScenarios(): Promise<ScenarioInfo[]> {
    const rows = await this.db.selectFrom("scenarios").selectAll().orderBy("id").execute();
    return rows.map(scenarioInfo);
  }

  async getScenario(id: string): Promise<ScenarioInfo | undefined> {
    const row = await this.db.selectFrom("scenarios").selectAll().where("id", "=", id).executeTakeFirst();
    return row && scenarioInfo(row);
  }

  /** A new scenario with its first version. */
  async createScenario(id: string, title: string, content: { entry: string; files: Files; message: string }): Promise<Version> {
    const now = new Date().toISOString();
    return this.write(async (tx) => {
      const exists = await tx.selectFrom("scenarios").select("id").where("id", "=", id).executeTakeFirst();
      if (exists) throw new StoreConflict("exists", `a scenario \`${id}\` exists already`);
      await tx.insertInto("scenarios").values({ id, title, head: 1, created_at: now, updated_at: now }).execute();
      return insertVersion(tx, id, 1, content, now);
    });
  }

  /**
   * Version head+1 of a scenario, written only if the caller saw the latest
   * version (`expectedHead`): a stale save is refused, never merged over.
   */
  async saveVersion(id: string, expectedHead: number, content: { entry: string; files: Files; message: string; title?: string }): Promise<Version> {
    const now = new Date().toISOString();
    return this.write(async (tx) => {
      const head = await this.headOf(tx, id);
      if (head !== expectedHead) throw new StoreConflict("stale", `version ${expectedHead} is not the latest of \`${id}\`: version ${head} is`);
      const version = await insertVersion(tx, id, head + 1, content, now);
      // Only if still at the head we read: a concurrent writer makes this a conflict, not a lost update.
      const moved = await tx
        .updateTable("scenarios")
        .set({ head: head + 1, updated_at: now, ...(content.title ? { title: content.title } : {}) })
        .where("id", "=", id)
        .where("head", "=", head)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) throw new StoreConflict("stale", `\`${id}\` changed while saving`);
      return version;
    });
  }

  async deleteScenario(id: string, expectedHead: number): Promise<void> {
    await this.write(async (tx) => {
      const head = await this.headOf(tx, id);
      if (head !== expectedHead) throw new StoreConflict("stale", `version ${expectedHead} is not the latest of \`${id}\`: version ${head} is`);
      await tx.deleteFrom("runs").where("scenario_id", "=", id).execute();
      await tx.deleteFrom("versions").where("scenario_id", "=", id).execute();
      await tx.deleteFrom("scenarios").where("id", "=", id).execute();
    });
  }

  async listVersions(id: string): Promise<VersionInfo[]> {
    const rows = await this.db
      .selectFrom("versions")
      .select(["scenario_id", "number", "entry", "message", "checksum", "created_at"])
      .where("scenario_id", "=", id)
      .orderBy("number")
      .execute();
    return rows.map((r) => versionInfo(r));
  }

  /** A version with its files; throws if what is stored does not match its checksum. */
  async getVersion(id: string, number: number): Promise<Version | undefined> {
    const row = await this.db.selectFrom("versions").selectAll().where("scenario_id", "=", id).where("number", "=", number).executeTakeFirst();
    if (!row) return undefined;
    const files = JSON.parse(row.files) as Files;
    if (checksum(row.entry, files) !== row.checksum) throw new Error(`version ${number} of \`${id}\` does not match its checksum`);
    return { ...versionInfo(row), files };
  }

  async createRun(scenarioId: string, version: number, kind: string, params: unknown): Promise<RunInfo> {
    const row: RunRow = {
      id: randomUUID(),
      scenario_id: scenarioId,
      version,
      kind,
      params: JSON.stringify(params ?? {}),
      status: "queued",
      progress: 0,
      result: null,
      error: null,
      created_at: new Date().toISOString(),
      finished_at: null,
    };
    await this.write((tx) => tx.insertInto("runs").values(row).execute());
    return runInfo(row);
  }

  async updateRun(id: string, patch: { status?: RunStatus; progress?: number; result?: unknown; error?: string }): Promise<void> {
    const finished = patch.status && !["queued", "running"].includes(patch.status);
    await this.write((tx) =>
      tx
        .updateTable("runs")
        .set({
          ...(patch.status ? { status: patch.status } : {}),
          ...(patch.progress !== undefined ? { progress: patch.progress } : {}),
          ...(patch.result !== undefined ? { result: JSON.stringify(patch.result) } : {}),
          ...(patch.error !== undefined ? { error: patch.error } : {}),
          ...(finished ? { finished_at: new Date().toISOString() } : {}),
        })
        .where("id", "=", id)
        .execute(),
    );
  }

  async getRun(id: string): Promise<RunInfo | undefined> {
    const row = await this.db.selectFrom("runs").selectAll().where("id", "=", id).executeTakeFirst();
    return row && runInfo(row);
  }

  /** A scenario's runs, newest first, without their results (fetch one run for that). */
  async listRuns(scenarioId: string): Promise<RunInfo[]> {
    const rows = await this.db
      .selectFrom("runs")
      .select(["id", "scenario_id", "version", "kind", "params", "status", "progress", "error", "created_at", "finished_at"])
      .where("scenario_id", "=", scenarioId)
      .orderBy("created_at", "desc")
      .orderBy("id")
      .execute();
    return rows.map((r) => runInfo({ ...r, result: null }));
  }

  /** Runs left queued or running by a server that stopped: they will not finish, say so. */
  async markInterrupted(): Promise<number> {
    const r = await this.write((tx) =>
      tx
        .updateTable("runs")
        .set({ status: "interrupted", finished_at: new Date().toISOString() })
        .where("status", "in", ["queued", "running"])
        .executeTakeFirst(),
    );
    return Number(r.numUpdatedRows);
  }

  /** A new token; its secret is returned once and only its hash is kept. */
  async createToken(name: string, scope: Scope): Promise<{ id: string; secret: string }> {
    const id = randomUUID().slice(0, 8);
    const secret = `tieup_${randomBytes(24).toString("base64url")}`;
    await this.write((tx) =>
      tx
        .insertInto("tokens")
        .values({ id, name, scope, hash: hashSecret(secret), created_at: new Date().toISOString(), revoked_at: null })
        .execute(),
    );
    return { id, secret };
  }

  async revokeToken(id: string): Promise<boolean> {
    const r = await this.write((tx) =>
      tx.updateTable("tokens").set({ revoked_at: new Date().toISOString() }).where("id", "=", id).where("revoked_at", "is", null).executeTakeFirst(),
    );
    return Number(r.numUpdatedRows) === 1;
  }

  async listTokens(): Promise<{ id: string; name: string; scope: Scope; createdAt: string; revokedAt?: string }[]> {
    const rows = await this.db.selectFrom("tokens").select(["id", "name", "scope", "created_at", "revoked_at"]).orderBy("created_at").execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      scope: r.scope as Scope,
      createdAt: r.created_at,
      ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}),
    }));
  }

  /** The scope of a live token with this secret, or undefined. */
  async tokenScope(secret: string): Promise<Scope | undefined> {
    const row = await this.db.selectFrom("tokens").select("scope").where("hash", "=", hashSecret(secret)).where("revoked_at", "is", null).executeTakeFirst();
    return row?.scope as Scope | undefined;
  }

  private async headOf(tx: Transaction<Database>, id: string): Promise<number> {
    const row = await tx.selectFrom("scenarios").select("head").where("id", "=", id).executeTakeFirst();
    if (!row) throw new StoreConflict("missing", `no scenario \`${id}\``);
    return Number(row.head);
  }

  /** One transaction; a unique-key clash (two writers taking the same version number) is a stale save. */
  private async write<T>(work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(work);
    } catch (e) {
      if (isUniqueViolation(e)) throw new StoreConflict("stale", "another save took this version number first");
      throw e;
    }
  }
}

async function insertVersion(
  tx: Transaction<Database>,
  id: string,
  number: number,
  content: { entry: string; files: Files; message: string },
  now: string,
): Promise<Version> {
  const row: VersionRow = {
    scenario_id: id,
    number,
    entry: content.entry,
    files: JSON.stringify(content.files),
    checksum: checksum(content.entry, content.files),
    message: content.message,
    created_at: now,
  };
  await tx.insertInto("versions").values(row).execute();
  return { ...versionInfo(row), files: content.files };
}

/** sha256 over the entry and the files in path order. */
export function checksum(entry: string, files: Files): string {
  const sorted = Object.keys(files)
    .sort()
    .map((p) => [p, files[p]]);
  return createHash("sha256")
    .update(JSON.stringify([entry, sorted]))
    .digest("hex");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
}

function scenarioInfo(r: ScenarioRow): ScenarioInfo {
  return { id: r.id, title: r.title, head: Number(r.head), createdAt: r.created_at, updatedAt: r.updated_at };
}

function versionInfo(r: Omit<VersionRow, "files">): VersionInfo {
  return { scenarioId: r.scenario_id, number: Number(r.number), entry: r.entry, message: r.message, checksum: r.checksum, createdAt: r.created_at };
}

function runInfo(r: RunRow): RunInfo {
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    version: Number(r.version),
    kind: r.kind,
    params: JSON.parse(r.params),
    status: r.status as RunStatus,
    progress: Number(r.progress),
    ...(r.result !== null ? { result: JSON.parse(r.result) } : {}),
    ...(r.error !== null ? { error: r.error } : {}),
    createdAt: r.created_at,
    ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
  };
}
