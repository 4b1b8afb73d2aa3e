import { z } from "zod";
import { Currency, Source } from "./common.js";
import { quantity } from "./quantity.js";

export const Fx = z
  .strictObject({
    base: Currency.default("USD").meta({ description: "Base currency; rates are units of each currency per unit of base" }),
    rates: z
      .record(
        Currency,
        z.record(z.string(), quantity({ unit: "currency/base", description: "Period-average rate, currency per base unit", min: 1e-9, absurd: 1e6 })),
      )
      .default({})
      .meta({ description: "By currency, then by period id" }),
    source: Source.optional(),
  })
  .meta({ title: "FX", description: "Period-average exchange rates against the base currency." });
export type Fx = z.infer<typeof Fx>;
