import { z } from "zod";
import { Country, Id, IsoDate, MeasureCategory, Source } from "./common.js";
import { fraction } from "./quantity.js";

export const Basis = z.union([z.literal("full-value"), z.literal("msrp"), z.strictObject({ excludeContentOf: z.array(Country).min(1) })]).meta({
  description:
    'What the rate is charged on: "full-value" (customs value, or parts value for parts), "msrp" (offsets), or the value less the content of the listed countries (USMCA non-US content)',
});

export const TariffMeasure = z
  .strictObject({
    id: Id,
    name: z.string(),
    legalBasis: z.string().optional(),
    importer: Country.meta({ description: "Country that levies the measure" }),
    origins: z
      .array(z.union([Country, z.literal("*")]))
      .min(1)
      .meta({ description: 'Origins covered; "*" for all (including "other" content)' }),
    exceptOrigins: z.array(Country).default([]).meta({ description: "Origins excluded from a broad measure" }),
    categories: z.array(MeasureCategory).min(1),
    usmca: z.enum(["qualifying", "non-qualifying"]).optional().meta({ description: "Applies only to vehicles that do (or do not) meet USMCA rules of origin" }),
    kind: z.enum(["mfn", "additional", "all-in", "offset"]).meta({
      description:
        "mfn: base duty; additional: added on top; all-in: total of the measures it includes is max(MFN, rate); offset: credit against the listed duties",
    }),
    rate: fraction("Ad valorem rate (offset: share of MSRP)"),
    basis: Basis.default("full-value"),
    coverage: fraction(
      "Share of the category's value the measure applies to (e.g. the parts on the Section 232 list, a part of all imported parts); 1 unless stated",
    ).default(1),
    from: IsoDate.meta({ description: "First day of entries covered (inclusive)" }),
    to: IsoDate.optional().meta({ description: "Last day of entries covered (inclusive); open-ended when absent" }),
    inclusiveOf: z.array(Id).default([]).meta({ description: "all-in: measures folded into this one (their MFN part is kept, the rest suppressed)" }),
    supersedes: z.array(Id).default([]).meta({ description: "Measures not charged on a slot where this one applies (anti-stacking order)" }),
    offsets: z.array(Id).default([]).meta({ description: "offset: duty measures whose amounts this credit reduces, capped at them" }),
    earnedOnExports: z
      .boolean()
      .default(false)
      .meta({ description: "offset: credited on every vehicle assembled in the importer's country, exports included (else only on those sold there)" }),
    carryForward: z
      .boolean()
      .default(false)
      .meta({ description: "offset: credit a company cannot use in a period carries forward to its later periods (else it is lost)" }),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({ title: "Tariff measure", description: "A dated duty (or offset) by importer, origin and category, with its stacking rule." });
export type TariffMeasure = z.infer<typeof TariffMeasure>;
export type Basis = z.infer<typeof Basis>;
