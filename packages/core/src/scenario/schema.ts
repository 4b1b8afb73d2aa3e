import { z } from "zod";
import { Deal } from "../deals/registry.js";
import { Country, Currency, Id, IsoDate, Source } from "../schema/common.js";
import { Company } from "../schema/company.js";
import { Fx } from "../schema/fx.js";
import { Headline } from "../schema/headline.js";
import { Horizon } from "../schema/horizon.js";
import { Lane } from "../schema/lane.js";
import { Market } from "../schema/market.js";
import { Plant } from "../schema/plant.js";
import { CustomsValue, Program } from "../schema/program.js";
import { amountsByPeriod, fraction, quantity } from "../schema/quantity.js";
import { TariffMeasure } from "../schema/tariff.js";
import { Uncertainty } from "../schema/uncertainty.js";

export const CostCurrencies = z
  .strictObject({
    parts: z
      .record(z.string().regex(/^[A-Z]{2}$|^other$/, "a content origin is a country code or other"), Currency)
      .default({})
      .meta({ description: "Currency in which parts from each origin are bought (e.g. JP: JPY); parts from other origins cost in the program's currency" }),
    assembly: z
      .enum(["program", "plant"])
      .default("program")
      .meta({ description: "Currency of the rest of the variable cost (labour, energy): the program's, or that of the plant that builds it" }),
    rates: z
      .record(
        Currency,
        quantity({ unit: "currency/base", description: "Rate the written variable costs are at, currency per base unit", min: 1e-9, absurd: 1e6 }),
      )
      .default({})
      .meta({
        description:
          "Exchange rates at which variable costs are written, by currency (e.g. JPY: 152.40); a currency not listed is at the first period's rate (which a move of that period's rate then moves too)",
      }),
  })
  .meta({
    title: "Cost currencies",
    description:
      "Where variable costs are incurred: a program's variable cost is written in its currency at one period's rates, and each part of it then keeps its value in the currency it is paid in, so exchange rates move it.",
  });

export const CostProgram = z
  .strictObject({
    id: Id,
    name: z.string(),
    company: Id.meta({ description: "Company whose costs it cuts" }),
    kind: z.enum(["fixed", "variable", "other"]).meta({
      description:
        "Fixed or variable costs (both reported as cost programmes), or `other`: the company's other planned changes against the base year (inflation, selling costs), reported apart; negative for a cost",
    }),
    currency: Currency,
    savings: amountsByPeriod("Cost saved against the base year (a level, not a yearly increment), whole company").meta({
      description: "Saving against the base year by period id (positive = lower cost); periods not listed save nothing",
    }),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({
    title: "Cost programme",
    description: "A dated cost-reduction programme of a company (e.g. Re:Nissan), booked at whole-company level beside the modelled scope.",
  });
export type CostProgram = z.infer<typeof CostProgram>;

export const PriceResponse = z
  .strictObject({
    id: Id,
    name: z.string().optional(),
    market: Id.meta({ description: "Market whose prices respond" }),
    companies: z.array(Id).optional().meta({ description: "Sellers that respond (default: every seller in the market)" }),
    from: IsoDate.meta({ description: "First day of sales it applies to (inclusive)" }),
    to: IsoDate.optional().meta({ description: "Last day of sales it applies to (inclusive); open-ended when absent" }),
    passThrough: fraction("Share of the per-unit duty (vehicle and parts, averaged over the program's plants) added to the net price").default(0),
    priceChange: quantity({
      unit: "fraction",
      description: "Change of the net price as a share of it (list price up, incentives down: positive)",
      min: -0.5,
      max: 0.5,
    }).default(0),
    elasticity: quantity({ unit: "fraction", description: "Price elasticity of the program's demand (negative): units × (p'/p)^ε", min: -10, max: 0 }).default(
      0,
    ),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({
    title: "Price response",
    description:
      "A dated change of net prices in a market: duty passed on to the price and list-price or incentive changes, with demand following its elasticity. A period's price moves by the share of its sales that falls in the dates.",
  });
export type PriceResponse = z.infer<typeof PriceResponse>;

export const Parameters = z
  .strictObject({
    partsShareOfVariableCost: fraction("Share of variable cost that is purchased parts (basis of parts duties)").default(0.8),
    customsValue: CustomsValue.default({ shareOfPrice: 0.9 }).meta({ description: "Default customs value of programs that do not state one" }),
    offsetCap: z
      .enum(["company-period", "none"])
      .default("company-period")
      .meta({ description: "Offsets are capped at the offset duties of each company in each period" }),
    discountRate: fraction("Annual discount rate for NPVs of companies that do not state one").default(0.08),
    valuationDate: IsoDate.optional().meta({
      description:
        "Day every NPV is valued at (deals, the footprint MILP); default: the horizon's first day. Amounts before it are compounded forward at the same rate",
    }),
    exitMultiple: quantity({
      unit: "years",
      description:
        "Terminal value as an exit multiple: this many times the last period's annual gain (before tax), at the horizon's end, reported apart from the horizon's NPV; not with terminalGrowth",
      min: 0,
      max: 30,
    }).optional(),
    depreciationShareOfFixedCost: fraction(
      "Share of plants' fixed cost that is depreciation: not cash, so a deal's cash NPV adds it back where the deal changes fixed cost (a closure saves only the rest in cash)",
    ).default(0),
    terminalGrowth: quantity({
      unit: "fraction",
      description:
        "Annual growth of each deal gain after the horizon: its terminal value is a growing perpetuity of the last period's annual gain, reported apart from the horizon's NPV; absent: no terminal value",
      min: -0.5,
      max: 0.1,
    }).optional(),
    costCurrencies: CostCurrencies.prefault({}),
    entryLagDays: quantity({
      unit: "days",
      description: "Days from entry to sale of programs that state none: duties are charged at the rates of the day a vehicle entered",
      min: 0,
      max: 365,
      integer: true,
    }).default(0),
    entryLagByOrigin: z
      .record(Country, quantity({ unit: "days", description: "Days from entry to sale of goods from this country", min: 0, max: 365, integer: true }))
      .default({})
      .meta({
        description:
          "Days from entry to sale by the country the goods come from (a vehicle's building plant, a part's content origin), for programs that state none; `entryLagDays` for the others",
      }),
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
    parameters: Parameters.prefault({}),
    companies: z.array(Company).min(1),
    markets: z.array(Market).min(1),
    plants: z.array(Plant).min(1),
    programs: z.array(Program).min(1),
    lanes: z.array(Lane).default([]),
    tariffs: z.array(TariffMeasure).default([]),
    priceResponses: z.array(PriceResponse).default([]).meta({ description: "Dated price and incentive responses by market" }),
    costPrograms: z.array(CostProgram).default([]).meta({ description: "Dated cost-reduction programmes, booked at whole-company level" }),
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
export const ENTITY_LISTS = ["companies", "markets", "plants", "programs", "tariffs", "deals", "costPrograms", "priceResponses"] as const;
