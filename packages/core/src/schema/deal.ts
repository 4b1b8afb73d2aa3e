import { z } from "zod";
import { Currency, Id, IsoDate, Source } from "./common.js";
import { fraction, quantity } from "./quantity.js";

const units = (description: string) => quantity({ unit: "units", description, min: 0, absurd: 5_000_000 });
const ByPeriod = (description: string) => z.record(z.string(), units(description)).meta({ description: `${description}, by period id` });

/** A one-off amount in a period, and who pays it. */
export const OneOffPayment = z.strictObject({
  amount: quantity({ unit: "money", description: "Amount in the stated currency", min: 0 }),
  currency: Currency.default("USD"),
  period: z.string().meta({ description: "Period in which it is paid" }),
  paidBy: z
    .union([z.enum(["host", "client"]), z.strictObject({ host: fraction("Host's share"), client: fraction("Client's share") })])
    .default("host")
    .meta({ description: "host, client, or shares of each" }),
  source: Source.optional(),
});

export const TransferPrice = z
  .union([
    z.strictObject({ perUnit: quantity({ unit: "money/unit", description: "Price per vehicle the client pays the host, in the program's currency", min: 0 }) }),
    z.strictObject({ costPlus: quantity({ unit: "fraction", description: "Markup on the host's variable cost per vehicle", min: -0.5, max: 5 }) }),
    z.literal("open"),
  ])
  .meta({ description: 'Transfer price: fixed per unit, cost-plus, or "open" (analysed over its range; evaluated at the Nash price)' });

export const Counterfactual = z
  .union([
    z.strictObject({ notSold: z.literal(true).meta({ description: "Without the deal the client does not sell this volume" }) }),
    z.strictObject({ plant: Id.meta({ description: "Without the deal the client builds (or imports) this volume at its own plant" }) }),
  ])
  .meta({ description: "What the client would do with this volume without the deal" });

export const ContractManufacturing = z
  .strictObject({
    id: Id,
    type: z.literal("contract-manufacturing"),
    name: z.string(),
    host: Id.meta({ description: "Company whose plant builds the vehicles" }),
    client: Id.meta({ description: "Company that sells them under its brand (importer of record)" }),
    plant: Id.meta({ description: "The host's plant" }),
    program: Id.meta({ description: "The client's program built by the host" }),
    volume: ByPeriod("Vehicles of the program built by the host (part of the program's demand, over all its markets)"),
    start: IsoDate.optional().meta({ description: "Start of production; informational, the volume's periods govern" }),
    transferPrice: TransferPrice,
    retooling: OneOffPayment.optional().meta({ description: "Retooling capex and who pays it" }),
    counterfactual: Counterfactual,
    bargainingWeight: fraction("Host's bargaining weight w in the Nash product H^w · C^(1-w)").default(0.5),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({ title: "Contract manufacturing", description: "A host company's plant builds a client's program, sold under the client's brand." });

/** Amounts by period id in a currency, e.g. development spending or an investee's profit. */
const AmountsByPeriod = (description: string) =>
  z.record(z.string(), quantity({ unit: "money", description })).meta({ description: `${description}, by period id` });

export const JointDevelopment = z
  .strictObject({
    id: Id,
    type: z.literal("joint-development"),
    name: z.string(),
    programs: z.record(Id, z.array(Id).min(1)).meta({ description: "By party (company id): its programs that use the jointly developed part" }),
    split: z.record(Id, fraction("Party's share of the development cost")).meta({ description: "Shares of the development cost by party; sum to 1" }),
    currency: Currency.default("USD"),
    developmentCost: AmountsByPeriod("Development spending (what one party alone would spend)"),
    costShare: fraction("Share of each program's variable cost that the jointly developed part accounts for"),
    progressRatio: quantity({
      unit: "fraction",
      description: "Learning curve: unit cost falls to this ratio with each doubling of cumulative volume (0.85 = 15% less)",
      min: 0.5,
      max: 1,
    }),
    referenceVolume: quantity({ unit: "units", description: "Cumulative volume at which the part costs what the programs' variable cost states", min: 1 }),
    from: z.string().meta({ description: "First period in which the jointly developed part is built" }),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({
    title: "Joint development",
    description: "A part (a powertrain, a platform) developed together: shared development cost, and a learning curve over the parties' combined volume.",
  });

export const ComponentSupply = z
  .strictObject({
    id: Id,
    type: z.literal("component-supply"),
    name: z.string(),
    supplier: Id.meta({ description: "Company that supplies the component" }),
    plant: Id.meta({ description: "Supplier's plant that makes it; its country is the component's origin for duties" }),
    buyer: Id.meta({ description: "Company whose programs use the component" }),
    programs: z.array(Id).min(1).meta({ description: "Buyer's programs that use it, one component per vehicle" }),
    currency: Currency.default("USD"),
    price: quantity({ unit: "money/unit", description: "Price per component the buyer pays the supplier", min: 0 }),
    supplierCost: quantity({ unit: "money/unit", description: "Supplier's variable cost per component", min: 0 }),
    replacedCost: quantity({
      unit: "money/unit",
      description: "Buyer's cost per unit of what the component replaces (its counterfactual), already in the programs' variable cost",
      min: 0,
    }),
    from: z.string().meta({ description: "First period of supply" }),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({ title: "Component supply", description: "One company supplies a component to another's programs; duties apply when it crosses a border." });

export const CapitalTie = z
  .strictObject({
    id: Id,
    type: z.literal("capital-tie"),
    name: z.string(),
    holder: Id.meta({ description: "Company that holds the stake (a company of the scenario)" }),
    investee: z.string().meta({ description: "Company whose shares are held (need not be modelled)" }),
    stake: z
      .union([fraction("Stake held"), z.record(z.string(), fraction("Stake held in the period"))])
      .meta({ description: "Share held: one number, or by period id" }),
    currency: Currency.meta({ description: "Currency of the investee's profit and dividends" }),
    investeeProfit: AmountsByPeriod("Investee's net profit (equity-method basis)"),
    dividends: AmountsByPeriod("Dividends the investee pays in total; the holder receives its stake of them (cash, not profit)").optional(),
    counterfactualStake: fraction("Stake held without the deal (0: none)").default(0),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({ title: "Capital tie", description: "A stake in another company, accounted by the equity method; cross-shareholdings are two ties." });

export const PlantAction = z
  .strictObject({
    id: Id,
    type: z.literal("plant-action"),
    name: z.string(),
    plant: Id,
    action: z.enum(["close", "sell"]),
    lastDay: IsoDate.meta({ description: "Last day of production at the plant" }),
    oneOff: quantity({ unit: "money", description: "Closure cost (close) or sale proceeds (sell), in the stated currency", min: 0 }).default(0),
    currency: Currency.default("USD"),
    period: z.string().meta({ description: "Period in which the closure cost or the proceeds are booked" }),
    moveTo: z
      .record(Id, fraction("Share of the plant's volume moved to this plant"))
      .optional()
      .meta({ description: "Where the plant's volume goes after its last day (shares sum to at most 1; the rest is lost); absent: lost" }),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({
    title: "Plant action",
    description: "Close or sell a plant from a date, with its one-off; its volume moves by stated shares or is lost. Without the deal the plant stays open.",
  });

export const Deal = z
  .discriminatedUnion("type", [ContractManufacturing, JointDevelopment, ComponentSupply, CapitalTie, PlantAction])
  .meta({ title: "Deal", description: "A cooperation between companies, or a company's action on its footprint, analysed against its counterfactual." });
export type Deal = z.infer<typeof Deal>;
export type ContractManufacturing = z.infer<typeof ContractManufacturing>;
export type JointDevelopment = z.infer<typeof JointDevelopment>;
export type ComponentSupply = z.infer<typeof ComponentSupply>;
export type CapitalTie = z.infer<typeof CapitalTie>;
export type PlantAction = z.infer<typeof PlantAction>;
