import { z } from "zod";
import { Currency, Id, Source } from "./common.js";
import { quantity } from "./quantity.js";

export const Lane = z
  .strictObject({
    from: z.string().meta({ description: "Plant id, or a country code for every plant in that country (a plant-specific lane wins)" }),
    to: Id.meta({ description: "Market id" }),
    currency: Currency.default("USD"),
    costPerUnit: quantity({ unit: "money/unit", description: "Logistics cost per vehicle (freight, handling, insurance)", min: 0 }),
    source: Source.optional(),
  })
  .meta({ title: "Lane", description: "A trade lane from a plant (or a country) to a market with its logistics cost per vehicle." });
export type Lane = z.infer<typeof Lane>;
