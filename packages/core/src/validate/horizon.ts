import { error, type Issue, warning } from "../issues/issue.js";
import { isoOf } from "../time/dates.js";
import { isWholeMonths } from "../time/periods.js";
import type { CheckContext } from "./context.js";

/** Periods must be whole months, in order, with unique ids, and tile the horizon without gaps or overlaps. */
export function checkHorizon({ s, periods }: CheckContext): Issue[] {
  const issues: Issue[] = [];
  const base = "fiscalYears" in s.horizon ? "horizon.fiscalYears" : "horizon.periods";
  if ("fiscalYears" in s.horizon && s.horizon.fiscalYears.to < s.horizon.fiscalYears.from) {
    return [
      error("horizon.fiscalYears.to", `the horizon is empty: to (${s.horizon.fiscalYears.to}) is before from (${s.horizon.fiscalYears.from})`, "set to ≥ from"),
    ];
  }
  if ("fiscalYears" in s.horizon) {
    const month = s.horizon.fiscalYears.startMonth;
    s.companies.forEach((c, i) => {
      if (c.fiscalYearStartMonth !== month) {
        issues.push(
          warning(
            `companies[${i}].fiscalYearStartMonth`,
            `${c.id}'s fiscal year starts in month ${c.fiscalYearStartMonth}, but the horizon's fiscal years start in month ${month}; its results are reported on the horizon's years`,
            "use monthly or quarterly periods to re-cut results into each company's own fiscal year",
            c.id,
          ),
        );
      }
    });
  }
  const seen = new Set<string>();
  periods.forEach((p, i) => {
    const path = "fiscalYears" in s.horizon ? base : `${base}[${i}]`;
    if (seen.has(p.id)) issues.push(error(`${path}.id`, `period id ${p.id} is used twice`, "give each period its own id"));
    seen.add(p.id);
    if (p.end < p.start) issues.push(error(`${path}.end`, `period ${p.id} ends (${isoOf(p.end)}) before it starts (${isoOf(p.start)})`));
    else if (!isWholeMonths(p.start, p.end))
      issues.push(
        error(
          path,
          `period ${p.id} (${isoOf(p.start)} to ${isoOf(p.end)}) is not a whole number of months`,
          "start periods on the 1st and end them on a month's last day",
        ),
      );
    const prev = periods[i - 1];
    if (prev && p.start !== prev.end + 1) {
      const what =
        p.start > prev.end + 1
          ? `a gap from ${isoOf(prev.end + 1)} to ${isoOf(p.start - 1)}`
          : `an overlap from ${isoOf(p.start)} to ${isoOf(Math.min(prev.end, p.end))}`;
      issues.push(error(`${path}.start`, `periods ${prev.id} and ${p.id} do not tile the horizon: ${what}`, `start ${p.id} on ${isoOf(prev.end + 1)}`));
    }
  });
  return issues;
}
