/**
 * Where the map draws what the scenario does not place. Plants carry their
 * own `lat`/`lon`; markets have no coordinates, so a market is drawn at a
 * point of its country where flows arrive (near the centre of its
 * population, or its capital), and a plant without coordinates falls back
 * to that point, flagged as approximate. Positions are [longitude,
 * latitude] in degrees.
 */
export const COUNTRY_PLACES: Record<string, [number, number]> = {
  US: [-92.0, 38.5],
  CA: [-77.0, 45.0],
  MX: [-99.13, 19.43],
  JP: [139.69, 35.69],
  KR: [127.0, 37.5],
  CN: [116.4, 39.9],
  DE: [10.0, 51.0],
  GB: [-1.5, 52.5],
  FR: [2.35, 46.6],
  TH: [100.5, 13.75],
  BR: [-47.9, -15.8],
};

export interface PlantPlace {
  at: [number, number];
  /** True when the scenario gives no coordinates and the plant stands at its country's point. */
  approximate: boolean;
}

/** A plant's position: its own coordinates, else its country's point (approximate), else none (listed, not drawn). */
export function plantPlace(p: { country: string; lat?: number; lon?: number }): PlantPlace | undefined {
  if (p.lat !== undefined && p.lon !== undefined) return { at: [p.lon, p.lat], approximate: false };
  const c = COUNTRY_PLACES[p.country];
  return c ? { at: c, approximate: true } : undefined;
}
