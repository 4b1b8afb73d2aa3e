import { z } from "zod";
import type { Issue } from "../issues/issue.js";
import { Country, Currency, Id, IsoDate, Source } from "../schema/common.js";

/** What a target measures in the model. */
export const TargetMetric = z.enum([
  "tariff-net", // new duties net of US-assembly offsets
  "tariff-gross", // new duties before offsets
  "tariff-vehicles", // new duties on finished vehicles
  "tariff-parts", // new duties on imported parts, before offsets
  "imports", // units sold in the market built in the listed origins
  "utilisation", // a plant's output ÷ capacity
  "operating-profit", // whole-company operating profit (modelled scope + cost programmes + rest of company)
  "scope-operating-profit", // operating profit of the modelled scope alone
  "operating-profit-ex-tariffs", // whole-company operating profit before the new tariffs (the cost of the measures since `tariffsSince` added back)
]);
export type TargetMetric = z.infer<typeof TargetMetric>;

export const AsOf = z
  .strictObject({
    date: IsoDate.meta({ description: "When the figure was stated" }),
    with: z.array(z.string()).default([]).meta({ description: "Named overrides of the scenario that give the regime known (or assumed) then" }),
    rates: z.record(Currency, z.number().positive()).default({}).meta({ description: "Exchange rates the company planned with (currency per base unit)" }),
    ratesSource: Source.optional(),
  })
  .meta({ description: "The scenario as the company saw it when it stated the figure" });

export const Target = z
  .strictObject({
    id: Id,
    company: Id,
    statement: z.string().meta({ description: "What was reported, in a sentence" }),
    metric: TargetMetric,
    period: z.string().meta({ description: "Model period, e.g. FY2025" }),
    window: z.strictObject({ from: IsoDate, to: IsoDate }).optional().meta({ description: "Only entries of these dates (a quarter)" }),
    asOf: AsOf,
    reported: z.number().meta({ description: "The figure as reported (JPY billion for money, units, or a fraction)" }),
    unit: z.string(),
    scope: z
      .number()
      .positive()
      .max(1)
      .default(1)
      .meta({ description: "Share of the reported figure the model covers (e.g. Honda's automobiles without motorcycles)" }),
    scopeSource: Source.optional(),
    bound: z
      .enum(["equal", "at-most"])
      .default("equal")
      .meta({ description: '"at-most" for figures stated as "up to" or that include costs outside the model' }),
    tolerance: z.number().positive().meta({ description: "Relative error the calibration promises to stay within (above the figure, for at-most targets)" }),
    below: z.number().positive().optional().meta({
      description:
        "Relative error below the figure still accepted; defaults to `tolerance`. An at-most target states it, so that a model far under the bound fails too",
    }),
    absolute: z.number().positive().optional().meta({
      description: "A band of ± this much (in the target's unit) instead of a relative one: for figures near zero, where a share of them says little",
    }),
    market: Id.optional(),
    origins: z.array(Country).default([]).meta({ description: "imports: countries of the building plants" }),
    plant: Id.optional().meta({ description: "utilisation: the plant" }),
    source: Source,
    note: z.string().optional(),
  })
  .meta({ title: "Calibration target" });
export type Target = z.infer<typeof Target>;

/** A change made to the scenario to fit the targets: which assumption holds it, and what it changed. */
export const Adjustment = z.strictObject({
  assumption: z.string().meta({ description: "The assumption (data/assumptions.yaml id) that states and justifies the value" }),
  change: z.string().meta({ description: "What changed, and by how much" }),
});
export type Adjustment = z.infer<typeof Adjustment>;

export const TargetFile = z.strictObject({
  tariffsSince: IsoDate.meta({ description: "Tariff targets count the measures entering into force from this date on" }),
  adjustments: z.array(Adjustment).default([]),
  forecastAssumptions: z.array(z.string()).default([]).meta({ description: "Assumption ids the forecast rests on most, listed in the calibration page" }),
  targets: z.array(Target).min(1),
});
export type TargetFile = z.infer<typeof TargetFile>;

/** A parsed targets document checked against TargetFile; the errors name `file` and the path in it ("targets[3].value"). */
export function checkTargetFile(doc: unknown, file: string): { targets: TargetFile } | { issues: Issue[] } {
  const checked = TargetFile.safeParse(doc);
  if (checked.success) return { targets: checked.data };
  return {
    issues: checked.error.issues.map((i) => ({
      severity: "error",
      file,
      path:
        i.path
          .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
          .join("")
          .replace(/^\./, "") || "(targets)",
      message: i.message,
    })),
  };
}
