import type { JointDevelopment } from "../schema/deal.js";
import type { CheckContext } from "./context.js";
import { missingRates } from "./deal-capital.js";
import { refs } from "./deals.js";
import { error, type Issue, warning } from "./issue.js";

const TOLERANCE = 1e-6;

/**
 * A joint development: every party is a company selling the programs listed
 * under it, each program listed once; the split names exactly the parties
 * and sums to 1; periods exist and the deal's currency has their rates; the
 * learning curve is finite and the part's share of cost plausible.
 */
export function checkJoint(ctx: CheckContext, d: JointDevelopment, at: string): Issue[] {
  const { issues, check, period } = refs(ctx, d, at);
  const parties = Object.keys(d.programs);
  for (const party of parties) if (check(`programs.${party}`, party, ctx.companyIds, "company")) issues.push(...partyPrograms(ctx, d, party, at));
  period("from", d.from);
  for (const [p, amount] of Object.entries(d.developmentCost)) {
    period(`developmentCost.${p}`, p);
    if (amount < 0) issues.push(error(`${at}.developmentCost.${p}`, `development spending of ${amount} is negative`, "spending is 0 or more", d.id));
  }
  issues.push(...duplicates(d, at), ...splitIssues(d, parties, at), ...missingRates(ctx, d, at, Object.keys(d.developmentCost)), ...curveIssues(d, at));
  if (parties.length === 1)
    issues.push(
      warning(`${at}.programs`, `only ${parties[0]} takes part: this models developing the part alone`, "list the partner's programs under its id", d.id),
    );
  return issues;
}

/** The programs listed under a party exist and are sold by it (the party bears their variable cost's learning). */
function partyPrograms(ctx: CheckContext, d: JointDevelopment, party: string, at: string): Issue[] {
  const { issues, check } = refs(ctx, d, at);
  (d.programs[party] ?? []).forEach((id, j) => {
    if (!check(`programs.${party}[${j}]`, id, ctx.programIds, "program")) return;
    const seller = ctx.s.programs.find((p) => p.id === id)?.seller;
    if (seller !== party)
      issues.push(
        error(
          `${at}.programs.${party}[${j}]`,
          `${id} is sold by ${seller}, not ${party}`,
          seller !== undefined && d.programs[seller] ? `move it to programs.${seller}` : `remove it, or make ${seller} a party with programs.${seller}`,
          d.id,
        ),
      );
  });
  return issues;
}

/** A program listed twice would have its learning counted twice. */
function duplicates(d: JointDevelopment, at: string): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const [party, list] of Object.entries(d.programs)) {
    list.forEach((id, j) => {
      if (seen.has(id)) issues.push(error(`${at}.programs.${party}[${j}]`, `${id} is listed twice`, "list each program once", d.id));
      seen.add(id);
    });
  }
  return issues;
}

/** The split has one share per party, no other key, and the shares sum to 1. */
function splitIssues(d: JointDevelopment, parties: readonly string[], at: string): Issue[] {
  const issues: Issue[] = [];
  for (const p of parties)
    if (d.split[p] === undefined)
      issues.push(error(`${at}.split`, `no share of the development cost for ${p}`, `add split.${p}: <share>; the shares sum to 1`, d.id));
  for (const p of Object.keys(d.split))
    if (!parties.includes(p))
      issues.push(
        error(`${at}.split.${p}`, `${p} is not a party (parties: ${parties.join(", ")})`, `remove it, or list ${p}'s programs under programs.${p}`, d.id),
      );
  const sum = Object.values(d.split).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > TOLERANCE)
    issues.push(error(`${at}.split`, `shares of the development cost sum to ${round(sum)}, not 1`, "make them sum to 1 (e.g. 0.5 and 0.5)", d.id));
  return issues;
}

/**
 * Progress ratio 0.5 makes b = −1, for which the average cost of the first
 * units is unbounded (∫ x^−1 from 0 diverges); ratios far below industrial
 * experience and a part worth none or most of a vehicle are likely mistakes.
 */
function curveIssues(d: JointDevelopment, at: string): Issue[] {
  const issues: Issue[] = [];
  if (d.progressRatio <= 0.5)
    issues.push(
      error(
        `${at}.progressRatio`,
        "a progress ratio of 0.5 makes the average unit cost of the first units unbounded",
        "use a ratio above 0.5 (manufacturing learning curves are typically 0.7–0.95)",
        d.id,
      ),
    );
  else if (d.progressRatio < 0.7)
    issues.push(
      warning(
        `${at}.progressRatio`,
        `a progress ratio of ${d.progressRatio} cuts the part's unit cost by ${round((1 - d.progressRatio) * 100)}% with each doubling of volume`,
        "manufacturing learning curves are typically 0.7–0.95; check the source",
        d.id,
      ),
    );
  if (d.costShare === 0)
    issues.push(
      warning(
        `${at}.costShare`,
        "the part makes up none of the programs' variable cost: its learning curve changes nothing",
        "set its share of variable cost",
        d.id,
      ),
    );
  else if (d.costShare > 0.5)
    issues.push(
      warning(
        `${at}.costShare`,
        `the part makes up ${round(d.costShare * 100)}% of the programs' variable cost`,
        "even a whole powertrain is usually well under half of a vehicle's variable cost; check the share",
        d.id,
      ),
    );
  return issues;
}

function round(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}
