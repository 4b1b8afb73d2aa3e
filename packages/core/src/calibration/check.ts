import { error, type Issue, suggestId, unknownPeriod } from "../issues/issue.js";
import type { Scenario } from "../scenario/schema.js";
import { dayNumber, isoOf } from "../time/dates.js";
import { expandHorizon } from "../time/periods.js";
import type { TargetFile } from "./targets.js";

/** Targets must name a company, period, plant and market of the scenario, and the fields their metric needs. */
export function checkTargets(file: TargetFile, scenario: Scenario, overrides: Readonly<Record<string, string>>): Issue[] {
  const issues: Issue[] = [];
  const expanded = expandHorizon(scenario.horizon);
  const periods = expanded.map((p) => p.id);
  const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
  file.targets.forEach((t, i) => {
    const at = (field: string) => `targets[${i}].${field}`;
    const known = (field: string, value: string | undefined, list: string[], kind: string) => {
      if (value !== undefined && !list.includes(value))
        issues.push(error(at(field), `unknown ${kind.replace(/s$/, "")} \`${value}\``, suggestId(value, list, kind)));
    };
    known("company", t.company, ids(scenario.companies), "companies");
    if (!periods.includes(t.period)) issues.push(unknownPeriod(at("period"), t.period, periods));
    known("market", t.market, ids(scenario.markets), "markets");
    known("plant", t.plant, ids(scenario.plants), "plants");
    t.asOf.with.forEach((o, j) => {
      known(`asOf.with[${j}]`, o, Object.keys(overrides), "overrides");
    });
    if (t.metric === "utilisation" && t.plant === undefined) issues.push(error(at("plant"), "a utilisation target names its plant", "add plant: <plant id>"));
    if (t.metric === "imports" && t.origins.length === 0)
      issues.push(error(at("origins"), "an imports target lists the countries it counts", "add origins: [CA, MX]"));
    if (t.window && t.window.to < t.window.from) issues.push(error(at("window.to"), `the window ends (${t.window.to}) before it starts (${t.window.from})`));
    const period = expanded.find((p) => p.id === t.period);
    if (t.window && period && (dayNumber(t.window.from) < period.start || dayNumber(t.window.to) > period.end))
      issues.push(
        error(
          at("window"),
          `the window ${t.window.from} to ${t.window.to} is not inside ${t.period}`,
          `keep it within ${isoOf(period.start)} and ${isoOf(period.end)}`,
        ),
      );
    if (t.bound === "at-most" && t.below === undefined)
      issues.push(
        error(
          at("below"),
          "an at-most target states how far under the bound the model may fall",
          "add below: 0.3 (30% under the figure), with the reason in note",
        ),
      );
  });
  return issues;
}
