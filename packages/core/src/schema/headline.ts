import { z } from "zod";
import { Currency, Id, IsoDate } from "./common.js";
import { quantity } from "./quantity.js";

export const HeadlineWindow = z
  .strictObject({
    id: Id,
    label: z.string().optional().meta({ description: 'How the report names the window, e.g. "first half (April–September 2025)"' }),
    from: IsoDate.meta({ description: "First day of entries counted (inclusive)" }),
    to: IsoDate.meta({ description: "Last day of entries counted (inclusive)" }),
    rates: z
      .record(Currency, quantity({ unit: "currency/base", description: "Average rate over the window, currency per base unit", min: 1e-9, absurd: 1e6 }))
      .default({})
      .meta({ description: "Exchange rates for the window, when its average differs from the period's" }),
  })
  .meta({ title: "Headline window", description: "Part of the headline period whose tariff cost is also reported (a half-year, a quarter)." });
export type HeadlineWindow = z.infer<typeof HeadlineWindow>;

export const Headline = z
  .strictObject({
    period: z.string().meta({ description: "Period whose tariff cost each company's headline reports, e.g. FY2025" }),
    tariffsSince: IsoDate.meta({
      description: "Tariff cost counts the measures entering into force on or after this date; the measures before it are the regime it is measured against",
    }),
    windows: z.array(HeadlineWindow).default([]),
  })
  .meta({ title: "Headline", description: "The tariff cost `tieup run` leads with: the period, the regime it is measured against, and sub-periods." });
export type Headline = z.infer<typeof Headline>;
