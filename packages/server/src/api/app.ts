import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import type { Jobs } from "../jobs/jobs.js";
import { type Store, StoreConflict } from "../store/store.js";
import { type Access, guard } from "./access.js";
import { fileDiffs } from "./diff.js";
import { docsPage } from "./docs.js";
import { issuesOf, jobFor } from "./runs.js";
import * as S from "./schemas.js";

export interface AppOptions {
  store: Store;
  runner: Jobs;
  access: Access;
  /** Request bodies above this are refused with 413 (default 32 MiB). */
  maxBodyBytes?: number;
}

type Issue = z.infer<typeof S.Issue>;
const errors = (...list: Issue[]) => ({ errors: list });
const problem = (path: string, message: string, suggestion = "") => errors({ severity: "error", path, message, suggestion });

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { "application/json": { schema } }, description });
const failure = (description: string) => json(S.ErrorBody, description);
const IdParam = z.object({ id: S.ScenarioId });
const VersionParam = IdParam.extend({ n: z.coerce.number().int().min(1) });
const IfMatch = z.object({ "if-match": z.string().optional().describe('the ETag of the scenario as read, e.g. "v3": required for every change') });

/** `"v3"` (or W/"v3") → 3; undefined when absent or not one of ours. */
export function parseEtag(header: string | undefined): number | undefined {
  const m = header?.trim().match(/^(?:W\/)?"v(\d+)"$/);
  return m ? Number(m[1]) : undefined;
}
const etag = (head: number) => `"v${head}"`;

/** The workspace's HTTP API: scenarios, immutable versions, diffs and runs, with its OpenAPI 3.1 document at /openapi.json. */
export function createApp(opts: AppOptions): OpenAPIHono {
  const { store, runner } = opts;
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success)
        return c.json(
          errors(
            ...result.error.issues.map((i) => ({
              severity: "error" as const,
              path: [result.target, ...i.path.map(String)].join("."),
              message: i.message,
              suggestion: "see /api/docs for the request's schema",
            })),
          ),
          400,
        );
    },
  });
  app.use(
    "*",
    guard(opts.access, (secret) => store.tokenScope(secret)),
  );
  // A version's files and a run's tables are megabytes of JSON that shrink several times.
  app.use("/api/*", compress());
  app.use(
    "/api/*",
    bodyLimit({ maxSize: opts.maxBodyBytes ?? 32 * 1024 * 1024, onError: (c) => c.json(problem("body", "the request body is too large"), 413) }),
  );
  const needHead = async (c: Context, id: string): Promise<number> => {
    const expected = parseEtag(c.req.header("if-match"));
    if (expected === undefined) throw new PreconditionRequired();
    const info = await store.getScenario(id);
    if (!info) throw new StoreConflict("missing", `no scenario \`${id}\``);
    return expected;
  };
  app.onError((e, c) => {
    if (e instanceof PreconditionRequired)
      return c.json(problem("If-Match", "a change needs the ETag of the version it is based on", 'send If-Match: "vN" from the scenario as read'), 428);
    if (e instanceof StoreConflict) {
      const status = e.kind === "missing" ? 404 : e.kind === "exists" ? 409 : 412;
      return c.json(
        problem(e.kind === "stale" ? "If-Match" : "id", e.message, e.kind === "stale" ? "read the scenario again (its ETag), then save on top of it" : ""),
        status,
      );
    }
    if (e instanceof HTTPException) return c.json(problem("body", e.message || "bad request"), e.status);
    return c.json(problem("(server)", `internal error: ${e.message}`), 500);
  });

  app.openapi(
    createRoute({ method: "get", path: "/api/scenarios", summary: "List scenarios", responses: { 200: json(z.array(S.ScenarioInfo), "the scenarios") } }),
    async (c) => c.json(await store.listScenarios(), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/scenarios",
      summary: "Create a scenario with its first version",
      request: { body: { content: { "application/json": { schema: S.CreateScenario } }, required: true } },
      responses: {
        201: json(S.Version, "its first version, with the scenario's validation issues"),
        400: failure("bad request"),
        409: failure("the id is taken"),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      if (!Object.hasOwn(body.files, body.entry))
        return c.json(problem("json.entry", `\`${body.entry}\` is not among the files`, "name one of the files as entry"), 400);
      const v = await store.createScenario(body.id, body.title, body);
      c.header("ETag", etag(v.number));
      return c.json({ ...v, issues: issuesOf(v) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/scenarios/{id}",
      summary: "A scenario (ETag: its latest version)",
      request: { params: IdParam },
      responses: { 200: json(S.ScenarioInfo, "the scenario"), 404: failure("no such scenario") },
    }),
    async (c) => {
      const info = await store.getScenario(c.req.valid("param").id);
      if (!info) return c.json(problem("id", `no scenario \`${c.req.valid("param").id}\``), 404);
      c.header("ETag", etag(info.head));
      return c.json(info, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/scenarios/{id}",
      summary: "Delete a scenario, its versions and runs",
      request: { params: IdParam, headers: IfMatch },
      responses: { 204: { description: "deleted" }, 404: failure("no such scenario"), 412: failure("stale ETag"), 428: failure("no If-Match") },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await store.deleteScenario(id, await needHead(c, id));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/scenarios/{id}/versions",
      summary: "A scenario's versions, oldest first",
      request: { params: IdParam },
      responses: { 200: json(z.array(S.VersionInfo), "the versions"), 404: failure("no such scenario") },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      if (!(await store.getScenario(id))) return c.json(problem("id", `no scenario \`${id}\``), 404);
      return c.json(await store.listVersions(id), 200);
    },
  );

  const saved = async (c: Context, id: string, head: number, content: { entry: string; files: Record<string, string>; message: string; title?: string }) => {
    if (!Object.hasOwn(content.files, content.entry))
      return c.json(problem("json.entry", `\`${content.entry}\` is not among the files`, "keep the entry file or name another"), 400);
    const v = await store.saveVersion(id, head, content);
    c.header("ETag", etag(v.number));
    return c.json({ ...v, issues: issuesOf(v) }, 201);
  };

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/scenarios/{id}/versions",
      summary: "Save a new version (the whole set of files) on top of the one in If-Match",
      request: { params: IdParam, headers: IfMatch, body: { content: { "application/json": { schema: S.SaveVersion } }, required: true } },
      responses: {
        201: json(S.Version, "the new version, with its validation issues (saved even when invalid: work in progress is kept)"),
        400: failure("bad request"),
        404: failure("no such scenario"),
        412: failure("stale ETag: someone saved first"),
        428: failure("no If-Match"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const head = await needHead(c, id);
      const body = c.req.valid("json");
      const entry = body.entry ?? (await store.getVersion(id, head))?.entry ?? "";
      return saved(c, id, head, { entry, files: body.files, message: body.message, ...(body.title ? { title: body.title } : {}) }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/scenarios/{id}/files",
      summary: "Save a new version that adds, replaces or removes some files of the one in If-Match",
      request: { params: IdParam, headers: IfMatch, body: { content: { "application/json": { schema: S.EditFiles } }, required: true } },
      responses: {
        201: json(S.Version, "the new version"),
        400: failure("bad request"),
        404: failure("no such scenario"),
        412: failure("stale ETag"),
        428: failure("no If-Match"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const head = await needHead(c, id);
      const base = await store.getVersion(id, head);
      if (!base) throw new StoreConflict("stale", `version ${head} of \`${id}\` does not exist`);
      const body = c.req.valid("json");
      const files: Record<string, string> = { ...base.files, ...body.set };
      for (const p of body.remove) delete files[p];
      return saved(c, id, head, { entry: base.entry, files, message: body.message }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/scenarios/{id}/versions/{n}",
      summary: "One version with its files and validation issues",
      request: { params: VersionParam },
      responses: { 200: json(S.Version, "the version"), 404: failure("no such version") },
    }),
    async (c) => {
      const { id, n } = c.req.valid("param");
      const v = await store.getVersion(id, n);
      if (!v) return c.json(problem("n", `no version ${n} of \`${id}\``), 404);
      c.header("ETag", etag(n));
      c.header("Cache-Control", "private, max-age=31536000, immutable");
      return c.json({ ...v, issues: issuesOf(v) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/scenarios/{id}/diff",
      summary: "What changed between two versions, file by file (unified diffs)",
      request: { params: IdParam, query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }) },
      responses: { 200: json(S.Diff, "the changed files"), 404: failure("no such version") },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { from, to } = c.req.valid("query");
      const [a, b] = await Promise.all([store.getVersion(id, from), store.getVersion(id, to)]);
      if (!a || !b) return c.json(problem(a ? "query.to" : "query.from", `no version ${a ? to : from} of \`${id}\``), 404);
      return c.json({ scenarioId: id, from, to, files: fileDiffs(a, b) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/scenarios/{id}/runs",
      summary:
        "Start a run (evaluate, deal, compare, sweep, sensitivity, optimise, calibrate) of a version; it is queued and runs on a worker thread or a queue worker",
      request: { params: IdParam, body: { content: { "application/json": { schema: S.CreateRun } }, required: true } },
      responses: {
        202: json(S.Run, "the queued run: poll /api/runs/{runId}"),
        400: failure("bad parameters"),
        404: failure("no such scenario or version"),
        422: failure("the version is not a valid scenario"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const info = await store.getScenario(id);
      if (!info) return c.json(problem("id", `no scenario \`${id}\``), 404);
      const body = c.req.valid("json");
      const prepared = await jobFor(store, id, body.version ?? info.head, body.kind, body.params);
      if ("status" in prepared) return c.json(errors(...prepared.issues), prepared.status);
      const run = await store.createRun(id, prepared.version, body.kind, prepared.job.params);
      runner.submit(run.id, prepared.job);
      return c.json(run, 202);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/scenarios/{id}/runs",
      summary: "A scenario's run history, newest first (without results)",
      request: { params: IdParam },
      responses: { 200: json(z.array(S.Run), "the runs") },
    }),
    async (c) => c.json(await store.listRuns(c.req.valid("param").id), 200),
  );

  const RunParam = z.object({ runId: z.string().max(64) });
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/runs/{runId}",
      summary: "A run: status, progress (0–1) and, once done, its result",
      request: { params: RunParam },
      responses: { 200: json(S.Run, "the run"), 404: failure("no such run") },
    }),
    async (c) => {
      const run = await store.getRun(c.req.valid("param").runId);
      if (!run) return c.json(problem("runId", "no such run"), 404);
      return c.json(run as z.infer<typeof S.Run>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/runs/{runId}/cancel",
      summary: "Cancel a run: a queued one at once, a sweep after its current slice (its partial result is kept, labelled)",
      request: { params: RunParam },
      responses: { 202: json(S.Run, "the run as it stands"), 404: failure("no such run"), 409: failure("the run has finished") },
    }),
    async (c) => {
      const { runId } = c.req.valid("param");
      const run = await store.getRun(runId);
      if (!run) return c.json(problem("runId", "no such run"), 404);
      if (!(await runner.cancel(runId))) return c.json(problem("runId", `the run is ${run.status}: nothing to cancel`), 409);
      return c.json((await store.getRun(runId)) as z.infer<typeof S.Run>, 202);
    },
  );

  app.get("/api/health", (c) => c.json({ ok: true, engine: store.engine }));
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "tieup workspace API", version: "0.1.0", description: "Scenarios with immutable versions, diffs and runs of the tieup engine." },
  });
  app.get("/api/docs", async (c) => {
    const res = await app.request("/openapi.json", { headers: { host: "127.0.0.1" } });
    return c.html(docsPage((await res.json()) as Parameters<typeof docsPage>[0]));
  });
  return app;
}

class PreconditionRequired extends Error {}
