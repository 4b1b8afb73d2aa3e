import { type Cell, groupSum, rows } from "@tieup/core";
import { geoNaturalEarth1, geoPath } from "d3-geo";
import type { FeatureCollection } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { Chart } from "../components/Chart.js";
import { COUNTRY_PLACES, plantPlace } from "../map/places.js";
import type { ViewProps } from "../state/view-props.js";
import { PALETTE } from "../ui/palette.js";

const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
const countries = feature(topo, topo.objects.countries) as FeatureCollection;
const n = (x: Cell | undefined) => (typeof x === "number" ? x : 0);
const SVG = "http://www.w3.org/2000/svg";

interface Site {
  id: string;
  owner: string;
  at: [number, number];
  output: number;
}
interface Flow {
  from: [number, number];
  to: [number, number];
  units: number;
  owner: string;
  label: string;
}

/** Plants (sized by output) and the flows from plants to markets (width by units) in the focus period. */
export function MapView({ snap, focus }: ViewProps) {
  const { sites, flows } = geography(snap, focus);
  const owners = snap.meta.companies.map((c) => c.id);
  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title">Map of plants and flows in {focus}</h2>
      <Chart
        title="Plants (circle area: output) and vehicles shipped to each market (line width: units)"
        name={`map-${focus}`}
        deps={[snap, focus]}
        draw={(width) => drawMap(width, sites, flows, owners)}
        note="Countries: Natural Earth 1:110m via world-atlas. Plant positions: the towns the plants are in (packages/web/src/map/places.ts)."
      />
    </section>
  );
}

export function geography(snap: ViewProps["snap"], period: string): { sites: Site[]; flows: Flow[] } {
  const plants = new Map(snap.meta.plants.map((p) => [p.id, p]));
  const markets = new Map(snap.meta.markets.map((m) => [m.id, m]));
  const output = new Map(
    rows(snap.results.plants)
      .filter((p) => p.period === period)
      .map((p) => [String(p.plant), n(p.output)]),
  );
  const sites: Site[] = [];
  for (const p of snap.meta.plants) {
    const at = plantPlace(p.id, p.country);
    if (at) sites.push({ id: p.id, owner: p.owner, at, output: output.get(p.id) ?? 0 });
  }
  const byLane = groupSum(snap.results.flows, ["period", "plant", "market"], ["units"]);
  const flows: Flow[] = [];
  for (const f of rows(byLane)) {
    if (f.period !== period || n(f.units) <= 0) continue;
    const plant = plants.get(String(f.plant));
    const market = markets.get(String(f.market));
    const from = plant && plantPlace(plant.id, plant.country);
    const to = market && COUNTRY_PLACES[market.country];
    if (plant && from && to) flows.push({ from, to, units: n(f.units), owner: plant.owner, label: `${plant.id} → ${market.id}` });
  }
  return { sites, flows };
}

function drawMap(width: number, sites: Site[], flows: Flow[], owners: string[]): SVGSVGElement {
  const height = Math.round(Math.min(560, width * 0.55));
  // Centred on the Pacific so Japan and North America sit side by side.
  const projection = geoNaturalEarth1().rotate([-200, 0]);
  const points = { type: "MultiPoint" as const, coordinates: [...sites.map((s) => s.at), ...flows.map((f) => f.to)] };
  projection.fitExtent(
    [
      [20, 20],
      [width - 20, height - 20],
    ],
    points.coordinates.length > 0 ? points : countries,
  );
  const path = geoPath(projection);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `map of ${sites.length} plants and ${flows.length} flows`);
  const add = (tag: string, attrs: Record<string, string | number>, title?: string) => {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    if (title) {
      const t = document.createElementNS(SVG, "title");
      t.textContent = title;
      el.append(t);
    }
    svg.append(el);
    return el;
  };
  add("rect", { width, height, fill: "#eef4f8" });
  add("path", { d: path(countries) ?? "", fill: "#f6f6f2", stroke: "#b8b8b0", "stroke-width": 0.5 });
  const colour = (owner: string) => PALETTE[Math.max(0, owners.indexOf(owner)) % PALETTE.length] as string;
  const maxUnits = Math.max(1, ...flows.map((f) => f.units));
  for (const f of [...flows].sort((a, b) => b.units - a.units)) {
    // geoPath draws a LineString along the great circle, as ships and trains roughly go.
    const line = { type: "LineString" as const, coordinates: [f.from, f.to] };
    add(
      "path",
      { d: path(line) ?? "", fill: "none", stroke: colour(f.owner), "stroke-opacity": 0.55, "stroke-width": 0.5 + 7 * Math.sqrt(f.units / maxUnits) },
      `${f.label}: ${Math.round(f.units).toLocaleString("en-US")} units`,
    );
  }
  const maxOutput = Math.max(1, ...sites.map((s) => s.output));
  for (const s of sites) {
    const [x, y] = projection(s.at) ?? [0, 0];
    add(
      "circle",
      { cx: x, cy: y, r: 3 + 14 * Math.sqrt(s.output / maxOutput), fill: colour(s.owner), "fill-opacity": 0.8, stroke: "white" },
      `${s.id} (${s.owner}): ${Math.round(s.output).toLocaleString("en-US")} units`,
    );
  }
  owners.forEach((o, i) => {
    add("circle", { cx: 16, cy: 18 + i * 18, r: 6, fill: colour(o) });
    const t = add("text", { x: 28, y: 22 + i * 18, "font-size": 12, "font-family": "system-ui, sans-serif" });
    t.textContent = o;
  });
  return svg;
}
