import { z } from "zod";
import { Deal } from "../deals/registry.js";
import { Company } from "../schema/company.js";
import { Fx } from "../schema/fx.js";
import { Headline } from "../schema/headline.js";
import { Horizon } from "../schema/horizon.js";
import { Lane } from "../schema/lane.js";
import { Market } from "../schema/market.js";
import { Plant } from "../schema/plant.js";
import { CustomsValue, Program } from "../schema/program.js";
import { fraction, quantity } from "../schema/quantity.js";
import { TariffMeasure } from "../schema/tariff.js";
import { Uncertainty } from "../schema/uncertainty.js";

export const Parameters = z
  .strictObject({
    partsShareOfVariableCost: fraction("Share of variable cost that is purchased parts (basis of parts duties)").default(0.8),
    customsValue: CustomsValue.default({ shareOfPrice: 0.9 }).meta({ description: "Default customs value of programs that do not state one" }),
    offsetCap: z
      .enum(["company-period", "none"])
      .default("company-period")
      .meta({ description: "Offsets are capped at the offset duties of each company in each period" }),
    discountRate: fraction("Annual discount rate for NPVs of companies that do not state one").default(0.08),
    jobsPerThousandUnits: quantity({ unit: "units", description: "Jobs per thousand vehicles a year at plants that report no headcount", min: 0 }).default(8),
  })
  .meta({ title: "Parameters", description: "Model-wide assumptions." });
export type Parameters = z.infer<typeof Parameters>;

export const Scenario = z
  .strictObject({
    tieup: z.literal(1).default(1).meta({ description: "Scenario format version" }),
    id: z.string().default("scenario"),
    title: z.string().default(""),
    description: z.string().default(""),
    horizon: Horizon,
    fx: Fx.default({ base: "USD", rates: {} }),
    parameters: Parameters.default({
      partsShareOfVariableCost: 0.8,
      customsValue: { shareOfPrice: 0.9 },
      offsetCap: "company-period",
      discountRate: 0.08,
      jobsPerThousandUnits: 8,
    }),
    companies: z.array(Company).min(1),
    markets: z.array(Market).min(1),
    plants: z.array(Plant).min(1),
    programs: z.array(Program).min(1),
    lanes: z.array(Lane).default([]),
    tariffs: z.array(TariffMeasure).default([]),
    deals: z.array(Deal).default([]).meta({ description: "Cooperation deals and footprint actions, analysed by `tieup deal`" }),
    overrides: z
      .record(z.string(), z.string())
      .default({})
      .meta({ description: "Named overrides shipped with the scenario: name -> file, applied with --with name" }),
    uncertainty: Uncertainty.optional(),
    headline: Headline.optional(),
  })
  .strict()
  .meta({ title: "Scenario", description: "A tieup scenario." });

export type ScenarioInput = z.input<typeof Scenario>;
export type Scenario = z.infer<typeof Scenario>;

/** Entity lists that merge by id when a scenario extends another or an override applies. */
export const ENTITY_LISTS = ["companies", "markets", "plants", "programs", "tariffs", "deals"] as const;
