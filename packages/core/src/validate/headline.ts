import { error, type Issue, unknownPeriod } from "../issues/issue.js";
import { dayNumber, isoOf } from "../time/dates.js";
import type { CheckContext } from "./context.js";

/** The headline period must be one of the horizon's, and each window must lie inside it, in order. */
export function checkHeadline({ s, periods }: CheckContext): Issue[] {
  const h = s.headline;
  if (!h) return [];
  const period = periods.find((p) => p.id === h.period);
  if (!period) {
    return [
      unknownPeriod(
        "headline.period",
        h.period,
        periods.map((p) => p.id),
      ),
    ];
  }
  const issues: Issue[] = [];
  h.windows.forEach((w, i) => {
    const from = dayNumber(w.from);
    const to = dayNumber(w.to);
    if (to < from) issues.push(error(`headline.windows[${i}].to`, `window ${w.id} ends (${w.to}) before it starts (${w.from})`, "swap from and to"));
    else if (from < period.start || to > period.end)
      issues.push(
        error(
          `headline.windows[${i}]`,
          `window ${w.id} (${w.from} to ${w.to}) is not inside ${period.id} (${isoOf(period.start)} to ${isoOf(period.end)})`,
          `keep the window within ${isoOf(period.start)} and ${isoOf(period.end)}`,
        ),
      );
  });
  return issues;
}
