import { z } from "zod";
import { Category, Currency, Id, Source } from "./common.js";
import { isObjectWithoutValue, tryFirstWhen } from "./fast-path.js";
import { fraction, quantity } from "./quantity.js";

const units = (description: string) => quantity({ unit: "units", description, min: 0, absurd: 5_000_000 });

/** Shares by plant id; must sum to 1. */
export const Shares = z.record(z.string(), fraction("Share of the program's volume built at this plant"));

export const SourcingStep = z.strictObject({
  from: z.string().meta({ description: "First period (id) in which these shares apply" }),
  shares: Shares,
});

export const Sourcing = z
  .union([Shares, z.array(SourcingStep).min(1)])
  .meta({ description: "Shares of volume by plant: one map for the whole horizon, or a list of steps each applying from a period on" });

export const Demand = tryFirstWhen(
  z
    .union([units("Units sold in every period"), z.record(z.string(), units("Units sold in the period"))])
    .meta({ description: "Units sold by period id (or one number for every period)" }),
  1,
  isObjectWithoutValue,
);

export const ProgramMarket = z.strictObject({
  price: quantity({ unit: "money/unit", description: "Net revenue per vehicle to the seller, in the market's currency", min: 0 }),
  msrp: quantity({
    unit: "money/unit",
    description: "Manufacturer's suggested retail price (average), market currency; basis of the US-assembly offset",
    min: 0,
  }).optional(),
  demand: Demand,
  monthlyProfile: z
    .array(z.number().min(0))
    .length(12)
    .refine((w) => w.some((x) => x > 0), { message: "a monthly profile needs at least one month with sales" })
    .optional()
    .meta({ description: "Relative sales weight of each calendar month, January first; volume is spread evenly when absent" }),
  source: Source.optional(),
});

export const CustomsValue = z
  .union([
    z.strictObject({ shareOfPrice: fraction("Customs value as a share of the market price") }),
    z.strictObject({ markupOnCost: quantity({ unit: "fraction", description: "Customs value as variable cost plus a markup", min: 0, max: 5 }) }),
    z.strictObject({
      perUnit: quantity({ unit: "money/unit", description: "Customs value per vehicle in the importer's currency", min: 0 }),
    }),
  ])
  .meta({ description: "Declared import value (the related-party transfer price), never the retail price" });

/** Shares of a vehicle's parts value by origin country. */
export const Content = z.record(z.string(), fraction("Share of the vehicle's parts value from this origin"));

export const PassThrough = z.strictObject({
  share: fraction("Share of the per-unit duty passed to the price"),
  elasticity: quantity({ unit: "fraction", description: "Price elasticity of demand (negative)", min: -10, max: 0 }),
});

export const Program = z
  .strictObject({
    id: Id,
    name: z.string(),
    seller: Id.meta({ description: "Company that sells the vehicle and is importer of record" }),
    brand: z.string(),
    category: Category,
    platform: z.string().meta({ description: "Platform; a plant must list it to build the program" }),
    currency: Currency.default("USD").meta({ description: "Currency of variable cost and parts value" }),
    variableCost: quantity({
      unit: "money/unit",
      description: "Variable cost per vehicle at the plant (parts, materials, direct labour)",
      min: 0,
    }),
    partsValue: quantity({
      unit: "money/unit",
      description: "Value of purchased parts per vehicle; defaults to variable cost x parameters.partsShareOfVariableCost",
      min: 0,
    }).optional(),
    content: Content.default({}).meta({
      description: 'Content shares by origin country (ISO code, or "other" for unnamed foreign origins); at most 1 in total, the rest treated as "other"',
    }),
    plantContent: z
      .record(Id, Content)
      .default({})
      .meta({ description: "Content shares where a plant's vehicles differ from `content` (a Japan-built and a US-built Rogue), by plant id" }),
    usmcaQualifying: z.boolean().default(true).meta({ description: "Whether the vehicle meets USMCA rules of origin when built in Canada or Mexico" }),
    customsValue: CustomsValue.optional(),
    sourcing: Sourcing,
    markets: z.record(z.string(), ProgramMarket).meta({ description: "Sales by market id: price, MSRP and demand" }),
    passThrough: PassThrough.optional(),
    entryLagDays: quantity({
      unit: "days",
      description:
        "Days from a vehicle's (and its parts') entry to its sale: a sale on day d pays the duties in force on d − lag (default: parameters.entryLagDays)",
      min: 0,
      max: 365,
      integer: true,
    }).optional(),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({ title: "Program", description: "A vehicle program (nameplate): who sells it, what it costs, where it is built and sold." });
export type Program = z.infer<typeof Program>;
export type ProgramMarket = z.infer<typeof ProgramMarket>;
export type CustomsValue = z.infer<typeof CustomsValue>;
