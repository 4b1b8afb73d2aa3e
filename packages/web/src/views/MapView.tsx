import { companyName } from "@tieup/charts/names";
import { PALETTE } from "@tieup/charts/palette";
import { type Cell, groupSum, rows } from "@tieup/core";
import { geoPath } from "d3-geo";
import type { FeatureCollection } from "geojson";
import { useState } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { Chart } from "../components/Chart.js";
import { fitProjection, HOME, type LonLat, placeLabels, radiusOf, regions, shortName, sizeLegend, type View, zoomed } from "../map/layout.js";
import { COUNTRY_PLACES, plantPlace } from "../map/places.js";
import type { ViewProps } from "../state/view-props.js";

const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
const countries = feature(topo, topo.objects.countries) as FeatureCollection;
const n = (x: Cell | undefined) => (typeof x === "number" ? x : 0);
const SVG = "http://www.w3.org/2000/svg";
const R_MAX = 18;

export interface Site {
  id: string;
  name: string;
  owner: string;
  country: string;
  at: LonLat;
  /** Drawn at its country's point: the scenario gives no lat/lon. */
  approximate: boolean;
  output: number;
  capacity: number;
}
export interface Flow {
  from: LonLat;
  to: LonLat;
  units: number;
  owner: string;
  label: string;
}
export interface Market {
  id: string;
  name: string;
  at: LonLat;
}

interface MapData {
  sites: Site[];
  flows: Flow[];
  markets: Market[];
  owners: { id: string; name: string }[];
  period: string;
}

/** Plants (circle area: capacity; filled: output) and the flows from plants to markets (width by units) in the focus period, framed on a region. */
export function MapView({ snap, focus }: ViewProps) {
  const data = { ...geography(snap, focus), owners: snap.meta.companies.map((c) => ({ id: c.id, name: c.name })), period: focus };
  const frames = regions(data.sites);
  const [pick, setPick] = useState(0);
  const [view, setView] = useState<View>(HOME);
  const frame = pick < 0 || pick >= frames.length ? undefined : frames[pick];
  const points = frame ? [...frame.points, ...data.markets.filter((m) => near(m.at, frame.points)).map((m) => m.at)] : data.sites.map((s) => s.at);
  const approximate = data.sites.filter((s) => s.approximate);
  const unplaced = snap.meta.plants.filter((p) => !plantPlace(p));
  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title">Map of plants and flows in {focus}</h2>
      <div className="map-tools" role="toolbar" aria-label="Map view">
        <label htmlFor="map-region">Region</label>
        <select
          id="map-region"
          value={pick}
          onChange={(e) => {
            setPick(Number(e.target.value));
            setView(HOME);
          }}
        >
          {frames.map((f, i) => (
            <option key={f.name} value={i}>
              {f.name} ({f.ids.length} plants)
            </option>
          ))}
          {frames.length > 1 ? <option value={-1}>all plants</option> : null}
        </select>
        <button type="button" aria-label="zoom in" onClick={() => setView((v) => zoomed(v, 1.5))}>
          +
        </button>
        <button type="button" aria-label="zoom out" onClick={() => setView((v) => zoomed(v, 1 / 1.5))}>
          −
        </button>
        <button type="button" onClick={() => setView(HOME)} disabled={view === HOME}>
          Fit
        </button>
        <span className="hint">drag to pan, Ctrl + wheel or pinch to zoom</span>
      </div>
      <Chart
        title={`Plants in ${focus} (circle area: capacity, filled: output) and vehicles shipped to each market (line width: units)`}
        name={`map-${focus}`}
        deps={[snap, focus, pick, view]}
        draw={(width) => drawMap(width, data, points, view, setView)}
        note={
          <>
            Countries: Natural Earth 1:110m via world-atlas. Plant positions: each plant's <code>lat</code>/<code>lon</code> in the scenario.
            {frame && frames.length > 1
              ? ` Plants in other regions (their flows enter from the edge): ${frames
                  .filter((f) => f !== frame)
                  .map((f) => `${f.name}, ${f.ids.length}`)
                  .join("; ")}.`
              : ""}
            {approximate.length > 0
              ? ` Drawn at their country's point (dashed, no lat/lon in the scenario): ${approximate.map((s) => s.name).join(", ")}.`
              : ""}
            {unplaced.length > 0 ? ` Not drawn (no position known): ${unplaced.map((p) => p.name).join(", ")}.` : ""}
          </>
        }
      />
    </section>
  );
}

/** A market belongs to a frame when it lies within 40° of longitude of one of its plants. */
function near(at: LonLat, points: readonly LonLat[]): boolean {
  return points.some((p) => Math.abs(((at[0] - p[0] + 540) % 360) - 180) < 40);
}

export function geography(snap: ViewProps["snap"], period: string): { sites: Site[]; flows: Flow[]; markets: Market[] } {
  const plants = new Map(snap.meta.plants.map((p) => [p.id, p]));
  const inPeriod = new Map(
    rows(snap.results.plants)
      .filter((p) => p.period === period)
      .map((p) => [String(p.plant), p]),
  );
  const sites: Site[] = [];
  for (const p of snap.meta.plants) {
    const place = plantPlace(p);
    const r = inPeriod.get(p.id);
    if (place) sites.push({ id: p.id, name: p.name, owner: p.owner, country: p.country, ...place, output: n(r?.output), capacity: n(r?.capacity) });
  }
  const markets: Market[] = snap.meta.markets.flatMap((m) => {
    const at = COUNTRY_PLACES[m.country];
    return at ? [{ id: m.id, name: m.name, at }] : [];
  });
  const byLane = groupSum(snap.results.flows, ["period", "plant", "market"], ["units"]);
  const flows: Flow[] = [];
  for (const f of rows(byLane)) {
    if (f.period !== period || n(f.units) <= 0) continue;
    const plant = plants.get(String(f.plant));
    const market = snap.meta.markets.find((m) => m.id === f.market);
    const from = plant && plantPlace(plant)?.at;
    const to = market && COUNTRY_PLACES[market.country];
    if (plant && from && to) flows.push({ from, to, units: n(f.units), owner: plant.owner, label: `${plant.name} → ${market.name}` });
  }
  return { sites, flows, markets };
}

const units = (x: number) => `${Math.round(x).toLocaleString("en-US")} units`;

function drawMap(width: number, d: MapData, points: LonLat[], view: View, setView: (f: (v: View) => View) => void): SVGSVGElement {
  const height = Math.round(Math.min(560, Math.max(320, width * 0.6)));
  const projection = fitProjection(points.length > 0 ? points : [[0, 0]], width, height, view);
  const path = geoPath(projection);
  const svg = document.createElementNS(SVG, "svg");
  for (const [k, v] of Object.entries({ width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "font-family": "system-ui, sans-serif" }))
    svg.setAttribute(k, String(v));
  svg.setAttribute("aria-label", `map of ${d.sites.length} plants and ${d.flows.length} flows`);
  const add = (parent: Element, tag: string, attrs: Record<string, string | number>, title?: string) => {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    if (title) {
      const t = document.createElementNS(SVG, "title");
      t.textContent = title;
      el.append(t);
    }
    parent.append(el);
    return el;
  };
  const text = (parent: Element, attrs: Record<string, string | number>, content: string) => {
    const t = add(parent, "text", { "font-size": 11, ...attrs });
    t.textContent = content;
    return t;
  };
  add(svg, "rect", { width, height, fill: "#eef4f8" });
  const map = add(svg, "g", { class: "map-layer" });
  add(map, "path", { d: path(countries) ?? "", fill: "#f6f6f2", stroke: "#b8b8b0", "stroke-width": 0.5 });
  const colour = (owner: string) =>
    PALETTE[
      Math.max(
        0,
        d.owners.findIndex((o) => o.id === owner),
      ) % PALETTE.length
    ] as string;
  const maxUnits = Math.max(1, ...d.flows.map((f) => f.units));
  for (const f of [...d.flows].sort((a, b) => b.units - a.units)) {
    // geoPath draws a LineString along the great circle, as ships and trains roughly go.
    const line = { type: "LineString" as const, coordinates: [f.from, f.to] };
    add(
      map,
      "path",
      { d: path(line) ?? "", fill: "none", stroke: colour(f.owner), "stroke-opacity": 0.45, "stroke-width": 0.5 + 7 * Math.sqrt(f.units / maxUnits) },
      `${f.label}: ${units(f.units)}`,
    );
  }
  const inFrame = ([x, y]: [number, number]) => x >= 0 && x <= width && y >= 0 && y <= height;
  for (const m of d.markets) {
    const [x, y] = projection(m.at) ?? [-1, -1];
    if (inFrame([x, y])) add(map, "rect", { x: x - 4, y: y - 4, width: 8, height: 8, fill: "#333", transform: `rotate(45 ${x} ${y})` }, `market: ${m.name}`);
  }
  const maxCapacity = Math.max(0, ...d.sites.map((s) => s.capacity));
  const placed = d.sites
    .map((s) => ({ s, xy: projection(s.at) ?? [-1, -1], r: Math.max(3, radiusOf(s.capacity, maxCapacity, R_MAX)) }))
    .filter((p) => inFrame(p.xy as [number, number]))
    .sort((a, b) => b.s.capacity - a.s.capacity);
  for (const { s, xy, r } of placed) {
    const [x, y] = xy;
    const tip = `${s.name} (${companyName(d.owners, s.owner)}): ${units(s.output)} built of ${units(s.capacity)} capacity in ${d.period}${s.approximate ? "; position approximate (its country's point: the scenario gives no lat/lon)" : ""}`;
    const g = add(map, "g", { "data-plant": s.id, ...(s.approximate ? { "data-approximate": "true" } : {}) }, tip);
    add(g, "circle", {
      cx: x,
      cy: y,
      r,
      fill: "white",
      "fill-opacity": 0.7,
      stroke: colour(s.owner),
      "stroke-width": 1.5,
      ...(s.approximate ? { "stroke-dasharray": "3 2" } : {}),
    });
    const inner = s.capacity > 0 ? r * Math.sqrt(Math.min(1, s.output / s.capacity)) : 0;
    if (inner > 0) add(g, "circle", { cx: x, cy: y, r: inner, fill: colour(s.owner), "fill-opacity": 0.85 });
  }
  const labels = placeLabels(
    placed.map(({ s, xy, r }) => ({ id: s.id, x: xy[0], y: xy[1], r, text: `${shortName(s.name)}${s.approximate ? " (≈)" : ""}` })),
    width,
    height,
  );
  for (const l of labels)
    text(
      map,
      { x: l.x, y: l.y, "text-anchor": l.anchor, fill: "#222", stroke: "white", "stroke-width": 3, "paint-order": "stroke", "data-label": l.id },
      l.text,
    );
  legend(svg, d, maxCapacity, height, colour, add, text);
  interact(svg, map, setView);
  return svg;
}

type Add = (parent: Element, tag: string, attrs: Record<string, string | number>, title?: string) => Element;
type Text = (parent: Element, attrs: Record<string, string | number>, content: string) => Element;

/** Owners by colour (top left) and circle sizes for capacity (bottom left), on a white card so they read over land and sea. */
function legend(svg: SVGSVGElement, d: MapData, maxCapacity: number, height: number, colour: (o: string) => string, add: Add, text: Text) {
  const owners = add(svg, "g", { class: "legend-owners" });
  add(owners, "rect", { x: 6, y: 6, width: 150, height: 12 + d.owners.length * 18, fill: "white", "fill-opacity": 0.85, rx: 4 });
  d.owners.forEach((o, i) => {
    add(owners, "circle", { cx: 18, cy: 18 + i * 18, r: 6, fill: colour(o.id) });
    text(owners, { x: 30, y: 22 + i * 18, "font-size": 12 }, o.name);
  });
  const sizes = sizeLegend(maxCapacity, R_MAX);
  if (sizes.length === 0) return;
  const g = add(svg, "g", { class: "legend-size" });
  const box = 2 * R_MAX + 34;
  add(g, "rect", { x: 6, y: height - box - 6, width: 170, height: box, fill: "white", "fill-opacity": 0.85, rx: 4 });
  text(g, { x: 12, y: height - box + 8, "font-size": 11 }, `capacity in ${d.period}`);
  const base = height - 14;
  const cx = 14 + R_MAX;
  // Nested circles on one baseline; each value's label at its circle's top, pushed down to stay 12 px below the one above.
  let labelY = Number.NEGATIVE_INFINITY;
  for (const s of sizes) {
    const top = base - 2 * s.r;
    labelY = Math.max(top, labelY + 12);
    add(g, "circle", { cx, cy: base - s.r, r: s.r, fill: "none", stroke: "#555" });
    add(g, "polyline", {
      points: `${cx},${top} ${cx + R_MAX + 4},${top} ${cx + R_MAX + 10},${labelY}`,
      fill: "none",
      stroke: "#999",
      "stroke-dasharray": "2 2",
    });
    text(g, { x: cx + R_MAX + 12, y: labelY + 4, "font-size": 10 }, `${(s.value / 1000).toLocaleString("en-US")}k units`);
  }
}

/** Ctrl + wheel zooms, a drag pans: the layer follows the pointer while dragging, and the map is projected anew when the pointer lets go. */
function interact(svg: SVGSVGElement, layer: Element, setView: (f: (v: View) => View) => void) {
  // Ctrl (or ⌘) with the wheel zooms, as does a trackpad's pinch (a wheel event with ctrlKey); the wheel alone still scrolls the page.
  svg.addEventListener(
    "wheel",
    (e) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      setView((v) => zoomed(v, e.deltaY < 0 ? 1.25 : 0.8));
    },
    { passive: false },
  );
  let start: [number, number] | undefined;
  let moved: [number, number] = [0, 0];
  svg.addEventListener("pointerdown", (e) => {
    start = [e.clientX, e.clientY];
    moved = [0, 0];
    svg.setPointerCapture?.(e.pointerId);
  });
  svg.addEventListener("pointermove", (e) => {
    if (!start) return;
    moved = [e.clientX - start[0], e.clientY - start[1]];
    layer.setAttribute("transform", `translate(${moved[0]} ${moved[1]})`);
  });
  // The browser took the gesture (a scroll): drop the drag.
  svg.addEventListener("pointercancel", () => {
    start = undefined;
    layer.removeAttribute("transform");
  });
  svg.addEventListener("pointerup", () => {
    if (!start) return;
    start = undefined;
    if (moved[0] !== 0 || moved[1] !== 0) setView((v) => ({ ...v, pan: [v.pan[0] + moved[0] / v.zoom, v.pan[1] + moved[1] / v.zoom] }));
  });
}
