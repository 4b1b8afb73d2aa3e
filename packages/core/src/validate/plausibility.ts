import { openShare } from "../evaluate/plants.js";
import { type Issue, warning } from "../issues/issue.js";
import { sourcingAt } from "../model/model.js";
import { demandIn } from "../schema/queries.js";
import type { Period } from "../time/periods.js";
import type { CheckContext } from "./context.js";
import { smallCapacities, thousandsHint } from "./scale.js";

/** Numbers that each pass their own check but not together: an MSRP under the net price, a plant planned beyond its capacity. */
export function checkPlausibility(ctx: CheckContext): Issue[] {
  const over = overCapacity(ctx);
  const warned = new Set(over.map((i) => i.entity).filter((id): id is string => id !== undefined));
  return [...msrpBelowPrice(ctx), ...over, ...smallCapacities(ctx, warned)];
}

/** The sticker price is what the dealer asks; the net price is what the maker keeps after incentives and margins, so it is lower. */
function msrpBelowPrice(ctx: CheckContext): Issue[] {
  const issues: Issue[] = [];
  ctx.s.programs.forEach((p, i) => {
    for (const [m, pm] of Object.entries(p.markets))
      if (pm.msrp !== undefined && pm.msrp < pm.price)
        issues.push(
          warning(
            `programs[${i}].markets.${m}.msrp`,
            `MSRP ${pm.msrp.toLocaleString("en-US")} is below the net price ${pm.price.toLocaleString("en-US")}`,
            "the net price is what the maker keeps after incentives and dealer margin, so it is below the MSRP: check the two figures",
            p.id,
          ),
        );
  });
  return issues;
}

/** A plan this many times a plant's capacity is not a busy plant but a capacity written in thousands (when a thousand times it would cover the plan). */
const SCALE_SLIP = 20;

/**
 * Output planned at each plant in each period against its capacity there:
 * each program's demand (less the volume deals build elsewhere) by its
 * sourcing shares, plus the volume deals build at the plant, against annual
 * capacity × the period's years × the share of it the plant is open. An
 * estimate before evaluation (cannibalisation and closures' moved volume are
 * left out), so it warns; `validate --strict` refuses it. One warning per
 * plant, at its worst period.
 */
function overCapacity(ctx: CheckContext): Issue[] {
  const { s } = ctx;
  const planned = new Map<string, number[]>();
  const add = (plant: string, t: number, units: number) => {
    const row = planned.get(plant) ?? ctx.periods.map(() => 0);
    row[t] = (row[t] ?? 0) + units;
    planned.set(plant, row);
  };
  const hosted = hostedVolumes(ctx);
  const periodIndex = new Map(ctx.periods.map((p) => [p.id, p.index]));
  for (const p of s.programs) {
    const markets = Object.values(p.markets);
    const hostedHere = hosted.get(p.id) ?? [];
    ctx.periods.forEach((period, t) => {
      let demand = 0;
      for (const pm of markets) demand += demandIn(pm, period);
      const elsewhere = hostedHere.reduce((x, h) => x + (h.volume[t] ?? 0), 0);
      for (const [plant, share] of Object.entries(sourcingAt(p, { periodIndex }, t))) add(plant, t, share * Math.max(0, demand - elsewhere));
    });
  }
  for (const list of hosted.values())
    for (const h of list)
      h.volume.forEach((v, t) => {
        add(h.plant, t, v);
      });
  const issues: Issue[] = [];
  s.plants.forEach((plant, i) => {
    const row = planned.get(plant.id);
    if (!row) return;
    let worst: { t: number; ratio: number; capacity: number; annual: number } | undefined;
    row.forEach((units, t) => {
      const period = ctx.periods[t] as Period;
      const capacity = plant.capacity * period.years * openShare(plant, period);
      const ratio = capacity > 0 ? units / capacity : units > 0 ? Number.POSITIVE_INFINITY : 0;
      if (ratio > 1 + 1e-6 && (!worst || ratio > worst.ratio)) worst = { t, ratio, capacity, annual: units / (period.years * openShare(plant, period)) };
    });
    if (!worst) return;
    const period = ctx.periods[worst.t] as Period;
    const units = Math.round(row[worst.t] ?? 0).toLocaleString("en-US");
    issues.push(
      warning(
        `plants[${i}].capacity`,
        Number.isFinite(worst.ratio)
          ? `${plant.id} is planned to build ${units} in ${period.id}, ${(worst.ratio * 100).toFixed(1)}% of its capacity of ${Math.round(worst.capacity).toLocaleString("en-US")} then`
          : `${plant.id} is planned to build ${units} in ${period.id} but has no capacity then`,
        (worst.ratio >= SCALE_SLIP && plant.capacity * 1000 >= worst.annual ? thousandsHint(plant.capacity, worst.annual) : undefined) ??
          "raise the capacity (is it in units a year, not thousands?), move volume with sourcing or a deal, or lower the demand",
        plant.id,
      ),
    );
  });
  return issues;
}

/** Contract-manufacturing volumes by program: the plant that builds them and units by period index. */
function hostedVolumes(ctx: CheckContext): Map<string, { plant: string; volume: number[] }[]> {
  const out = new Map<string, { plant: string; volume: number[] }[]>();
  for (const d of ctx.s.deals) {
    if (d.type !== "contract-manufacturing") continue;
    const list = out.get(d.program) ?? [];
    list.push({ plant: d.plant, volume: ctx.periods.map((p) => d.volume[p.id] ?? 0) });
    out.set(d.program, list);
  }
  return out;
}
