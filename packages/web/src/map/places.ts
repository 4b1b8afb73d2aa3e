/**
 * Where the plants and markets of the bundled scenarios are, as [longitude,
 * latitude] in degrees. The scenario schema has no coordinates, so the map
 * looks plants up here by id. Plant positions are the public locations of
 * the towns the plants are in (the plant names in scenarios/nissan-honda-us.yaml
 * give the town; coordinates as listed for each town by GeoNames, rounded to
 * 0.01°). A market is drawn at a point of its country where flows arrive.
 */
export const PLANT_PLACES: Record<string, [number, number]> = {
  smyrna: [-86.52, 35.98], // Smyrna, Tennessee
  canton: [-90.04, 32.61], // Canton, Mississippi
  "aguascalientes-a1": [-102.29, 21.88], // Aguascalientes, Mexico
  "aguascalientes-a2": [-102.25, 21.82], // Aguascalientes, Mexico (A2, south of the city)
  civac: [-99.18, 18.88], // Jiutepec (CIVAC), Morelos
  compas: [-102.31, 21.79], // Aguascalientes (COMPAS)
  kyushu: [130.98, 33.77], // Kanda, Fukuoka
  "shatai-kyushu": [130.95, 33.8], // Kanda, Fukuoka (Nissan Shatai Kyushu)
  tochigi: [139.91, 36.47], // Kaminokawa, Tochigi
  marysville: [-83.37, 40.24], // Marysville, Ohio
  "east-liberty": [-83.56, 40.3], // East Liberty, Ohio
  greensburg: [-85.48, 39.34], // Greensburg, Indiana
  lincoln: [-86.12, 33.61], // Lincoln, Alabama
  alliston: [-79.87, 44.15], // Alliston, Ontario
  celaya: [-100.81, 20.52], // Celaya, Guanajuato
  yorii: [139.19, 36.12], // Yorii, Saitama
};

/** Markets by country code: a central point of the country's population. */
export const COUNTRY_PLACES: Record<string, [number, number]> = {
  US: [-92.0, 38.5],
  CA: [-77.0, 45.0],
  MX: [-99.13, 19.43],
  JP: [139.69, 35.69],
};

/** A plant's position: the table's, else its country's point, else none (the plant is listed but not drawn). */
export function plantPlace(id: string, country: string): [number, number] | undefined {
  return PLANT_PLACES[id] ?? COUNTRY_PLACES[country];
}
