import { z } from "zod";
import { Country, Currency, Id, Source } from "./common.js";

export const Market = z
  .strictObject({
    id: Id,
    name: z.string(),
    country: Country,
    currency: Currency.meta({ description: "Currency of prices in this market" }),
    source: Source.optional(),
  })
  .meta({ title: "Market", description: "A country where vehicles are sold; its country is the importer for tariff purposes." });
export type Market = z.infer<typeof Market>;
