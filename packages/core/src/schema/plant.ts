import { z } from "zod";
import { Country, Currency, Id, IsoDate, Source } from "./common.js";
import { fraction, quantity } from "./quantity.js";

export const Plant = z
  .strictObject({
    id: Id,
    name: z.string(),
    owner: Id.meta({ description: "Company that owns and operates the plant (of a joint venture: the operator, one of `owners`)" }),
    owners: z.record(Id, fraction("Share of the plant this company owns")).optional().meta({
      description:
        "Owners of a jointly owned plant and their shares (summing to 1), consolidated proportionally: each books its share of the fixed cost and builds its own programs there; absent: `owner` owns it all",
    }),
    country: Country,
    lat: quantity({
      unit: "degrees",
      description: "Latitude of the plant in degrees, north positive (WGS 84), for the map",
      min: -90,
      max: 90,
      rangeHint: "latitude runs from -90 (south) to 90 (north); check that lat and lon are not swapped",
    }).optional(),
    lon: quantity({
      unit: "degrees",
      description: "Longitude of the plant in degrees, east positive (WGS 84), for the map: the Americas are negative",
      min: -180,
      max: 180,
      rangeHint: "longitude runs from -180 (west) to 180 (east); the Americas are negative",
    }).optional(),
    currency: Currency.default("USD").meta({ description: "Currency of the plant's fixed cost" }),
    capacity: quantity({ unit: "units/year", description: "Annual assembly capacity", min: 0, absurd: 2_000_000 }),
    fixedCost: quantity({
      unit: "money/year",
      description: "Fixed cost per year (labour, overhead, depreciation) in the plant's currency",
      min: 0,
    }),
    platforms: z.array(z.string()).default([]).meta({ description: "Platforms the plant can build" }),
    closureCost: quantity({
      unit: "money",
      description:
        "One-off cost of closing the plant (severance, write-downs, site clean-up) in the plant's currency, as `tieup optimize --footprint` weighs it; default: --closure-years of its fixed cost",
      min: 0,
    }).optional(),
    breakEvenUtilisation: fraction("Break-even utilisation as reported by a source, shown beside the computed one").optional(),
    headcount: quantity({ unit: "units", description: "Employees at the plant", min: 0, absurd: 100_000, integer: true }).optional(),
    openUntil: IsoDate.optional().meta({ description: "Last day of vehicle production (closure): capacity and fixed cost stop after it" }),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({ title: "Plant", description: "A vehicle assembly plant." });
export type Plant = z.infer<typeof Plant>;

/** Each owner's share of a plant: `owners` when jointly owned, else the whole to `owner`. */
export function ownerShares(plant: Pick<Plant, "owner" | "owners">): [string, number][] {
  return plant.owners ? Object.entries(plant.owners).filter(([, x]) => x > 0) : [[plant.owner, 1]];
}

/** Who builds a program at a plant: its seller when the seller owns part of the plant (a joint venture), else the plant's owner. */
export function builderAt(plant: Pick<Plant, "owner" | "owners">, seller: string): string {
  return plant.owners?.[seller] !== undefined && (plant.owners[seller] ?? 0) > 0 ? seller : plant.owner;
}
