import { z } from "zod";
import { Id, Source } from "./common.js";

/** A number, or a percentage written as "15%" (read as 0.15). */
const Num = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\s*-?\d+(\.\d+)?\s*%\s*$/, 'write a number, or a percentage such as "15%"')
      .transform((s) => Number(s.replace("%", "")) / 100),
  ])
  .meta({ description: "A number in the parameter's canonical unit (fractions for rates), or a percentage such as 15%" });

const Spread = Num.refine((v) => v >= 0, { message: "a spread cannot be negative" });

export const Regime = z.strictObject({
  value: Num,
  probability: Num.refine((v) => v >= 0 && v <= 1, { message: "a probability is between 0 and 1" }),
  label: z.string().optional().meta({ description: "Name of the regime, e.g. deal-holds" }),
});

export const Distribution = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("discrete"), values: z.array(Regime).min(1).meta({ description: "Regimes: values with probabilities summing to 1" }) }),
    z.strictObject({ type: z.literal("normal"), mean: Num, sd: Spread.meta({ description: "Standard deviation" }) }),
    z.strictObject({
      type: z.literal("lognormal"),
      median: Num.refine((v) => v > 0, { message: "the median of a lognormal is positive" }),
      sigma: Spread.meta({ description: "Standard deviation of the logarithm (0.1 ≈ ±10%)" }),
    }),
    z.strictObject({ type: z.literal("triangular"), min: Num, mode: Num, max: Num }),
    z.strictObject({ type: z.literal("uniform"), min: Num, max: Num }),
  ])
  .superRefine((d, ctx) => {
    if (d.type === "discrete") {
      const total = d.values.reduce((s, r) => s + r.probability, 0);
      if (Math.abs(total - 1) > 1e-9)
        ctx.addIssue({
          code: "custom",
          path: ["values"],
          message: `probabilities sum to ${+total.toFixed(6)}, not 1`,
          params: { suggestion: "make the regimes' probabilities add up to 1" },
        });
    }
    if ((d.type === "triangular" || d.type === "uniform") && d.min > d.max)
      ctx.addIssue({ code: "custom", path: ["min"], message: `min ${d.min} is above max ${d.max}` });
    if (d.type === "triangular" && (d.mode < d.min || d.mode > d.max))
      ctx.addIssue({ code: "custom", path: ["mode"], message: `mode ${d.mode} lies outside [${d.min}, ${d.max}]` });
  })
  .meta({ title: "Distribution", description: "Distribution of an uncertain parameter: discrete regimes, normal, lognormal, triangular or uniform" });
export type Distribution = z.infer<typeof Distribution>;

export const UncertainParameter = z.strictObject({
  id: Id.meta({ description: "Name of the parameter, used by correlations and in reports" }),
  path: z
    .union([z.string(), z.array(z.string()).min(1)])
    .meta({ description: "Path(s) of the number(s) it sets, e.g. tariffs[jp-auto-15].rate or fx.rates.JPY.*; every path gets the same draw" }),
  mode: z.enum(["set", "scale"]).default("set").meta({ description: "set: the draw replaces the value; scale: the draw multiplies it (1 = as written)" }),
  distribution: Distribution,
  source: Source.optional(),
  note: z.string().optional().meta({ description: "Rationale for the distribution" }),
});
export type UncertainParameter = z.infer<typeof UncertainParameter>;

export const Correlation = z.strictObject({
  between: z.tuple([Id, Id]).meta({ description: "Ids of two uncertain parameters" }),
  rank: Num.refine((v) => v >= -1 && v <= 1, { message: "a rank correlation is between -1 and 1" }).meta({
    description: "Spearman rank correlation, imposed with a Gaussian copula",
  }),
  note: z.string().optional(),
});
export type Correlation = z.infer<typeof Correlation>;

export const Uncertainty = z
  .strictObject({
    parameters: z.array(UncertainParameter).min(1).meta({ description: "Uncertain parameters, each drawn once per draw" }),
    correlations: z.array(Correlation).default([]).meta({ description: "Rank correlations between pairs of parameters (others are independent)" }),
  })
  .meta({ title: "Uncertainty", description: "Distributions of parameters for `tieup sweep` and `tieup sensitivity` (see docs/uncertainty.md)" });
export type Uncertainty = z.infer<typeof Uncertainty>;
