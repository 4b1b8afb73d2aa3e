import { z } from "zod";
import { Currency, Id, Source } from "./common.js";
import { fraction, quantity } from "./quantity.js";

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
    sharesOutstanding: quantity({ unit: "units", description: "Shares outstanding, for NPV per share", min: 0 }).optional(),
    source: Source.optional(),
  })
  .meta({ title: "Company", description: "An automaker: owns plants, sells programs, reports in one currency." });
export type Company = z.infer<typeof Company>;
