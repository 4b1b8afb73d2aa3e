import { type Issue, rows, type Table } from "@tieup/core";
import { z } from "zod";

/** The overrides a run applies, by name (the scenario's `overrides:`). */
export const overrides = z.array(z.string().min(1).max(100)).max(20).default([]).describe("named overrides of the scenario to apply");

/** A scenario's issues when it cannot run, the run's failure in the API's terms. */
export class ScenarioIssues extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.find((i) => i.severity === "error")?.message ?? "the scenario is not valid");
  }
}

/** Tables as JSON rows keyed by table name, values at full precision. */
export function tablesJson(tables: readonly Table[]): Record<string, unknown[]> {
  return Object.fromEntries(tables.map((t) => [t.name, rows(t)]));
}
