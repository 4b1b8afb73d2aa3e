import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checksum, Store, StoreConflict, seedScenario } from "../src/index.js";
import { ENGINES } from "./engines.js";

const files = { "/s.yaml": "id: s\n", "/data/a.csv": "x\n1\n" };

describe.each(ENGINES)("store on $name", (engine) => {
  let store: Store;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await engine.fresh();
    drop = db.drop;
    store = await Store.open(db.url);
  });
  afterAll(async () => {
    await store.close();
    await drop();
  });

  it("creates a scenario at version 1 and reads its files back", async () => {
    const v = await store.createScenario("one", "One", { entry: "/s.yaml", files, message: "first" });
    expect(v.number).toBe(1);
    expect(v.checksum).toBe(checksum("/s.yaml", files));
    expect((await store.getScenario("one"))?.head).toBe(1);
    expect((await store.getVersion("one", 1))?.files).toEqual(files);
    await expect(store.createScenario("one", "", { entry: "/s.yaml", files, message: "" })).rejects.toMatchObject({ kind: "exists" });
  });

  it("keeps every version immutable and refuses a save on a stale head", async () => {
    const v2 = await store.saveVersion("one", 1, { entry: "/s.yaml", files: { ...files, "/s.yaml": "id: s2\n" }, message: "second" });
    expect(v2.number).toBe(2);
    const stale = await store.saveVersion("one", 1, { entry: "/s.yaml", files, message: "late" }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StoreConflict);
    expect((stale as StoreConflict).kind).toBe("stale");
    expect((await store.getVersion("one", 1))?.files["/s.yaml"]).toBe("id: s\n");
    expect((await store.listVersions("one")).map((v) => [v.number, v.message])).toEqual([
      [1, "first"],
      [2, "second"],
    ]);
  });

  it("of concurrent saves on the same head, exactly one wins", async () => {
    const head = (await store.getScenario("one"))?.head as number;
    const tries = await Promise.allSettled(
      Array.from({ length: 6 }, (_, k) => store.saveVersion("one", head, { entry: "/s.yaml", files: { "/s.yaml": `id: c${k}\n` }, message: `c${k}` })),
    );
    expect(tries.filter((t) => t.status === "fulfilled")).toHaveLength(1);
    for (const t of tries) if (t.status === "rejected") expect((t.reason as StoreConflict).kind).toBe("stale");
    expect((await store.getScenario("one"))?.head).toBe(head + 1);
  });

  it("records runs with status, progress and result, and marks unfinished ones interrupted", async () => {
    const run = await store.createRun("one", 1, "evaluate", { with: [] });
    expect(run.status).toBe("queued");
    await store.updateRun(run.id, { status: "running", progress: 0.5 });
    const other = await store.createRun("one", 2, "sweep", { draws: 10 });
    await store.updateRun(other.id, { status: "done", progress: 1, result: { draws: 10 } });
    expect(await store.markInterrupted()).toBe(1);
    expect((await store.getRun(run.id))?.status).toBe("interrupted");
    expect((await store.getRun(other.id))?.result).toEqual({ draws: 10 });
    expect((await store.listRuns("one")).map((r) => r.id).sort()).toEqual([run.id, other.id].sort());
  });

  it("keeps only a token's hash; a revoked token gives no scope", async () => {
    const { id, secret } = await store.createToken("ci", "read");
    expect(await store.tokenScope(secret)).toBe("read");
    expect(await store.tokenScope(`${secret}x`)).toBeUndefined();
    const rows = await store.db.selectFrom("tokens").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(await store.revokeToken(id)).toBe(true);
    expect(await store.revokeToken(id)).toBe(false);
    expect(await store.tokenScope(secret)).toBeUndefined();
  });

  it("deletes a scenario with its versions and runs, only from the latest head", async () => {
    await expect(store.deleteScenario("one", 1)).rejects.toMatchObject({ kind: "stale" });
    const head = (await store.getScenario("one"))?.head as number;
    await store.deleteScenario("one", head);
    expect(await store.getScenario("one")).toBeUndefined();
    expect(await store.listVersions("one")).toEqual([]);
    expect(await store.listRuns("one")).toEqual([]);
  });

  it("opens an existing store again without re-running its migrations", async () => {
    await store.createScenario("two", "", { entry: "/s.yaml", files, message: "" });
    const again = await Store.open(store.url);
    expect((await again.getScenario("two"))?.head).toBe(1);
    await again.close();
  });

  it("stores the served file once, and again only when the file on disk changed", async () => {
    expect(await seedScenario(store, "served", "Served", "/s.yaml", files)).toEqual({ head: 1, written: "created" });
    expect(await seedScenario(store, "served", "Served", "/s.yaml", { ...files })).toEqual({ head: 1, written: false });
    const edited = { ...files, "/s.yaml": "id: s\ntitle: edited on disk\n" };
    expect(await seedScenario(store, "served", "Served", "/s.yaml", edited)).toEqual({ head: 2, written: "updated" });
    expect((await store.getVersion("served", 2))?.files).toEqual(edited);
    // Versions saved in the workspace stay the latest while the file on disk is unchanged.
    await store.saveVersion("served", 2, { entry: "/s.yaml", files: { ...edited, "/s.yaml": "id: s\ntitle: saved by a colleague\n" }, message: "team edit" });
    expect(await seedScenario(store, "served", "Served", "/s.yaml", edited)).toEqual({ head: 3, written: false });
    // A file fewer is a change too.
    expect(await seedScenario(store, "served", "Served", "/s.yaml", { "/s.yaml": edited["/s.yaml"] })).toEqual({ head: 4, written: "updated" });
    expect((await store.getVersion("served", 4))?.message).toBe("imported: the served file changed on disk since v2");
  });
});
