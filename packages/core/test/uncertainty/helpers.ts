import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { type Scenario, validateScenario } from "../../src/index.js";

/**
 * The hand-checkable contract-manufacturing example (docs/deals.md) with an
 * uncertainty block: H(p) = 10,000 (p − 20,000) − R and C(p) = 10,000 (29,500 − p),
 * so the joint surplus is 95M − R and a zone of agreement exists iff R < 95M.
 */
export function contractWith(
  uncertainty: unknown,
  extra: Record<string, unknown> = {},
): { scenario?: Scenario; issues: ReturnType<typeof validateScenario>["issues"] } {
  const doc = parse(readFileSync(fileURLToPath(new URL("../../../../scenarios/examples/contract-pickup.yaml", import.meta.url)), "utf8"));
  return validateScenario({ ...doc, ...extra, uncertainty });
}

export function contract(uncertainty: unknown): Scenario {
  const v = contractWith(uncertainty);
  if (!v.scenario) throw new Error(JSON.stringify(v.issues));
  return v.scenario;
}
