import { z } from "zod";
import { RUN_KINDS, RUN_PARAMS } from "../jobs/kinds.js";

/** A file's path in a stored scenario: absolute POSIX under the scenario's own root, no `.`/`..` segments. */
export const FilePath = z
  .string()
  .max(256)
  .regex(/^(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)+$/, "a path such as /scenarios/case.yaml: segments of letters, digits, _ . -, none starting with a dot");

export const MAX_FILES = 500;
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** zod drops a `__proto__` key without a word; a path named so is bad input like any other. */
const noProtoKey = z.unknown().superRefine((v, ctx) => {
  if (v !== null && typeof v === "object" && Object.hasOwn(v, "__proto__"))
    ctx.addIssue({ code: "custom", path: ["__proto__"], message: "`__proto__` is not a file path" });
});

export const Files = noProtoKey
  .pipe(z.record(FilePath, z.string().max(MAX_FILE_BYTES)))
  .refine((f) => Object.keys(f).length <= MAX_FILES, `at most ${MAX_FILES} files`)
  .describe("the scenario's files: path → text");

export const ScenarioId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "lower-case letters, digits and hyphens, up to 63 characters")
  .describe("the scenario's id");

export const Issue = z.object({
  severity: z.enum(["error", "warning"]),
  path: z.string(),
  message: z.string(),
  suggestion: z.string().optional(),
  file: z.string().optional(),
});

export const ErrorBody = z.object({ errors: z.array(Issue) }).describe("what is wrong, with the path of the field in the request or the scenario");

export const ScenarioInfo = z.object({ id: z.string(), title: z.string(), head: z.int(), createdAt: z.string(), updatedAt: z.string() });
export const VersionInfo = z.object({
  scenarioId: z.string(),
  number: z.int(),
  entry: z.string(),
  message: z.string(),
  checksum: z.string(),
  createdAt: z.string(),
});
export const Version = VersionInfo.extend({ files: z.record(z.string(), z.string()), issues: z.array(Issue).optional() });

export const CreateScenario = z.strictObject({
  id: ScenarioId,
  title: z.string().max(200).default(""),
  entry: FilePath,
  files: Files,
  message: z.string().max(2000).default("created"),
});

export const SaveVersion = z.strictObject({
  entry: FilePath.optional().describe("the entry file; the previous version's when absent"),
  files: Files.describe("the whole new set of files"),
  message: z.string().max(2000).default(""),
  title: z.string().max(200).optional(),
});

export const EditFiles = z.strictObject({
  set: Files.default({}).describe("files to add or replace"),
  remove: z.array(FilePath).max(MAX_FILES).default([]).describe("files to remove"),
  message: z.string().max(2000).default(""),
});

export const FileDiff = z.object({ path: z.string(), status: z.enum(["added", "removed", "changed"]), patch: z.string() });
export const Diff = z.object({ scenarioId: z.string(), from: z.int(), to: z.int(), files: z.array(FileDiff) });

export const RunKind = z.enum(RUN_KINDS as [string, ...string[]]);
export const CreateRun = z.strictObject({
  kind: RunKind,
  version: z.int().min(1).optional().describe("the version to run; the latest when absent"),
  params: z
    .record(z.string(), z.unknown())
    .default({})
    .describe(`the kind's parameters: ${RUN_KINDS.map((k) => `${k} (${Object.keys(RUN_PARAMS[k].shape).join(", ")})`).join("; ")}`),
});

export const Run = z.object({
  id: z.string(),
  scenarioId: z.string(),
  version: z.int(),
  kind: z.string(),
  params: z.unknown(),
  status: z.enum(["queued", "running", "done", "failed", "cancelled", "interrupted"]),
  progress: z.number(),
  result: z.unknown().optional(),
  error: z.string().optional(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
});
