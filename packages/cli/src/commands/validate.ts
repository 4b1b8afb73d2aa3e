import { InputError } from "../io/errors.js";
import { printIssues } from "../io/output.js";
import { loadScenario } from "../scenario/load.js";

/** Validates and prints every issue; exit code 2 when there is an error (thrown as InputError). */
export function validateCommand(scenarioPath: string | undefined, opts: { with: string[]; strict?: boolean }): void {
  const loaded = loadScenario(scenarioPath, opts.with);
  const warnings = loaded.issues.filter((i) => i.severity === "warning").length;
  if (opts.strict && warnings > 0) throw new InputError(loaded.issues.map((i) => ({ ...i, severity: "error" as const })));
  printIssues(loaded.issues);
  process.stdout.write(
    `${loaded.scenario.id}: valid (${loaded.scenario.companies.length} companies, ${loaded.scenario.plants.length} plants, ${loaded.scenario.programs.length} programs, ${loaded.scenario.tariffs.length} tariff measures${warnings ? `; ${warnings} warning(s)` : ""})\n`,
  );
}
