import { z } from "zod";
import { Currency, Id, IsoDate, Source } from "./common.js";
import { fraction, quantity } from "./quantity.js";

const money = (description: string) => quantity({ unit: "money", description });

export const ReportedResults = z
  .strictObject({
    period: z.string().meta({ description: "Period of the reported figures (the base year the model reconciles to), e.g. FY2024" }),
    operatingProfit: money("Reported consolidated operating profit of the period, in the reporting currency"),
    segment: z
      .strictObject({
        name: z.string().meta({ description: "The reported segment the modelled scope belongs to, e.g. automobile business" }),
        operatingProfit: money("The segment's reported operating profit, reporting currency"),
        revenue: quantity({ unit: "money", description: "The segment's reported revenue, reporting currency", min: 0 }),
        source: Source.optional(),
        note: z.string().optional(),
      })
      .optional()
      .meta({ description: "The segment, for the target the modelled scope's profit is fitted to (see docs/calibration.md)" }),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({ title: "Reported results", description: "What the company reported for a base year, to reconcile the model's whole-company figures with." });
export type ReportedResults = z.infer<typeof ReportedResults>;

export const ForeignProfit = z.strictObject({
  currency: Currency,
  amount: money("Profit earned in this currency each year, in it (translated at each period's rate)"),
  source: Source.optional(),
  note: z.string().optional(),
});

export const RestOfCompany = z
  .strictObject({
    period: z.string().meta({ description: "Period the amount is stated for (the reported results' base year)" }),
    operatingProfit: money("Operating profit of everything the model leaves out, in that period, reporting currency: reported total − modelled scope"),
    foreign: z
      .array(ForeignProfit)
      .default([])
      .meta({ description: "Parts of it earned in other currencies: translated at each period's rate, the rest held constant in the reporting currency" }),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({
    title: "Rest of company",
    description:
      "The company's businesses outside the modelled scope, held at their base-year profit: its foreign parts move with exchange rates, the rest is constant in the reporting currency.",
  });
export type RestOfCompany = z.infer<typeof RestOfCompany>;

/**
 * What the market says the company is worth on one day: the yardstick a deal's
 * value per share is read against (an NPV of ¥10 a share means little until
 * it is set beside a share price of ¥344).
 */
export const MarketContext = z
  .strictObject({
    date: IsoDate.meta({ description: "Day of the share price (and of net debt, unless its own source says otherwise)" }),
    sharePrice: quantity({ unit: "money", description: "Share price in the reporting currency", min: 0 }),
    adrRatio: quantity({ unit: "units", description: "Ordinary shares per American depositary receipt, to quote the value per ADR", min: 0 }).optional(),
    netDebt: quantity({ unit: "money", description: "Net debt in the reporting currency (negative: net cash), for enterprise value" }).optional(),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({
    title: "Market context",
    description: "A dated share price and, optionally, ADR ratio and net debt; market capitalisation = share price × sharesOutstanding.",
  });
export type MarketContext = z.infer<typeof MarketContext>;

export const Company = z
  .strictObject({
    id: Id,
    name: z.string(),
    reportingCurrency: Currency.meta({ description: "Currency of the company's accounts; results are converted to it at the period's average rate" }),
    fiscalYearStartMonth: z
      .number()
      .int()
      .min(1)
      .max(12)
      .default(4)
      .meta({ description: "Month (1-12) in which the company's fiscal year starts; 4 = April for the Japanese makers" }),
    discountRate: fraction("Annual discount rate for the company's NPVs (default: parameters.discountRate)").optional(),
    sharesOutstanding: quantity({ unit: "units", description: "Shares outstanding, for NPV and net income per share", min: 0 }).optional(),
    taxRate: fraction("Effective tax rate on operating profit changes (net income = operating profit × (1 − tax) × (1 − minority share))").optional(),
    minorityShare: fraction("Share of net income attributable to non-controlling interests").optional(),
    market: MarketContext.optional(),
    reported: ReportedResults.optional(),
    fxSensitivity: z
      .record(
        Currency,
        quantity({ unit: "money", description: "Change in operating profit when the currency weakens by one unit per base unit (¥1/USD for the yen)" }),
      )
      .optional()
      .meta({ description: "The company's published operating-profit sensitivity by currency, shown beside the model's" }),
    restOfCompany: RestOfCompany.optional(),
    source: Source.optional(),
  })
  .meta({ title: "Company", description: "An automaker: owns plants, sells programs, reports in one currency." });
export type Company = z.infer<typeof Company>;
