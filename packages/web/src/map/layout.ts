import { type GeoProjection, geoNaturalEarth1 } from "d3-geo";

/**
 * The map's geometry as pure functions: which plants belong together on one
 * frame, the projection that fits a frame with its zoom and pan, where labels
 * go without overlapping, and the circles of the size legend.
 */

export type LonLat = [number, number];

export interface Located {
  id: string;
  at: LonLat;
  country: string;
  capacity: number;
}

export interface Region {
  /** The region's countries, most capacity first ("US · MX · CA"). */
  name: string;
  ids: string[];
  points: LonLat[];
  capacity: number;
}

/**
 * Plants in groups whose longitudes follow each other with less than `gap`
 * degrees between neighbours (going round the date line), largest capacity
 * first: North America and Japan are two regions, not one frame across the
 * Pacific.
 */
export function regions(sites: readonly Located[], gap = 60): Region[] {
  if (sites.length === 0) return [];
  const sorted = [...sites].sort((a, b) => a.at[0] - b.at[0]);
  const lon = (i: number) => (sorted[i] as Located).at[0];
  // The gap after each plant to the next one east; the last one's goes round to the first.
  const next = (i: number) => (i < sorted.length - 1 ? lon(i + 1) - lon(i) : lon(0) + 360 - lon(i));
  const cuts = sorted.map((_, i) => i).filter((i) => next(i) > gap);
  // No wide gap (plants all round the globe): every plant on one frame.
  if (cuts.length === 0) return [region(sorted)];
  const groups: Located[][] = [];
  for (let k = 0; k < cuts.length; k++) {
    const from = ((cuts[k] as number) + 1) % sorted.length;
    const to = cuts[(k + 1) % cuts.length] as number;
    const group: Located[] = [];
    for (let i = from; ; i = (i + 1) % sorted.length) {
      group.push(sorted[i] as Located);
      if (i === to) break;
    }
    groups.push(group);
  }
  return groups.map(region).sort((a, b) => b.capacity - a.capacity || a.name.localeCompare(b.name));
}

function region(list: readonly Located[]): Region {
  const byCountry = new Map<string, number>();
  for (const s of list) byCountry.set(s.country, (byCountry.get(s.country) ?? 0) + s.capacity);
  const countries = [...byCountry].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
  return {
    name: countries.join(" · "),
    ids: list.map((s) => s.id),
    points: list.map((s) => s.at),
    capacity: list.reduce((t, s) => t + s.capacity, 0),
  };
}

/** The longitude half way round the points' arc (a circular mean), so a frame across the date line is centred on it. */
export function centreLongitude(points: readonly LonLat[]): number {
  const x = points.reduce((t, p) => t + Math.cos((p[0] * Math.PI) / 180), 0);
  const y = points.reduce((t, p) => t + Math.sin((p[0] * Math.PI) / 180), 0);
  return x === 0 && y === 0 ? 0 : (Math.atan2(y, x) * 180) / Math.PI;
}

export interface View {
  /** 1 = the region fitted to the frame; 2 = twice as close. */
  zoom: number;
  /** Pan in pixels of the fitted (zoom 1) map. */
  pan: [number, number];
}

export const HOME: View = { zoom: 1, pan: [0, 0] };
export const ZOOM_MIN = 0.5;
export const ZOOM_MAX = 16;

/** The view zoomed by `factor`, within ZOOM_MIN…ZOOM_MAX. */
export function zoomed(v: View, factor: number): View {
  return { ...v, zoom: Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, v.zoom * factor)) };
}

/**
 * A Natural Earth projection centred on the points, fitted to width × height
 * with `pad` pixels round (the points' box widened by 2° or a tenth of its
 * span, so one plant alone is not zoomed to a street), then zoomed about the
 * frame's centre and panned.
 */
export function fitProjection(points: readonly LonLat[], width: number, height: number, view: View = HOME, pad = 24): GeoProjection {
  const lon0 = centreLongitude(points);
  const projection = geoNaturalEarth1().rotate([-lon0, 0]);
  // Longitudes relative to the centre, so a box across the date line is not inverted.
  const rel = points.map(([lon, lat]) => [((lon - lon0 + 540) % 360) - 180, lat] as LonLat);
  const lons = rel.map((p) => p[0]);
  const lats = rel.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const mx = Math.max(2, (e - w) / 10);
  const my = Math.max(2, (n - s) / 10);
  const corners: LonLat[] = [
    [w - mx + lon0, Math.max(-89, s - my)],
    [e + mx + lon0, Math.max(-89, s - my)],
    [w - mx + lon0, Math.min(89, n + my)],
    [e + mx + lon0, Math.min(89, n + my)],
  ];
  projection.fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad],
    ],
    { type: "MultiPoint", coordinates: points.length > 0 ? corners : [] },
  );
  const [tx, ty] = projection.translate();
  const [cx, cy] = [width / 2, height / 2];
  return projection.scale(projection.scale() * view.zoom).translate([cx + (tx + view.pan[0] - cx) * view.zoom, cy + (ty + view.pan[1] - cy) * view.zoom]);
}

export interface LabelIn {
  id: string;
  x: number;
  y: number;
  /** Radius of the circle the label belongs to. */
  r: number;
  text: string;
}
export interface LabelOut {
  id: string;
  x: number;
  y: number;
  anchor: "start" | "end" | "middle";
  text: string;
}

/** Width of a label at 11 px in a sans-serif font, a little generous so neighbours never touch. */
export const labelWidth = (text: string) => text.length * 6.2 + 2;
const LABEL_HEIGHT = 12;

/**
 * Labels placed greedily in the order given (most important first): right
 * of the circle, else left, above, below; a label that would overlap one
 * already placed, or leave the frame, is left out (its tooltip still names it).
 */
export function placeLabels(items: readonly LabelIn[], width: number, height: number): LabelOut[] {
  const boxes: [number, number, number, number][] = [];
  const out: LabelOut[] = [];
  for (const it of items) {
    const w = labelWidth(it.text);
    const candidates: [number, number, LabelOut["anchor"], number][] = [
      [it.x + it.r + 3, it.y + 4, "start", it.x + it.r + 3],
      [it.x - it.r - 3, it.y + 4, "end", it.x - it.r - 3 - w],
      [it.x, it.y - it.r - 3, "middle", it.x - w / 2],
      [it.x, it.y + it.r + 11, "middle", it.x - w / 2],
    ];
    for (const [x, y, anchor, left] of candidates) {
      const box: [number, number, number, number] = [left, y - LABEL_HEIGHT + 2, left + w, y + 2];
      if (box[0] < 0 || box[2] > width || box[1] < 0 || box[3] > height) continue;
      if (boxes.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
      boxes.push(box);
      out.push({ id: it.id, x, y, anchor, text: it.text });
      break;
    }
  }
  return out;
}

/** 427,000 → 400,000: one significant digit, for the legend's round values. */
export function roundValue(x: number): number {
  if (!(x > 0)) return 0;
  const k = 10 ** Math.floor(Math.log10(x));
  return Math.max(1, Math.round(x / k)) * k;
}

/** Circle radius for a capacity: area in proportion, `rMax` for the largest plant. */
export const radiusOf = (value: number, max: number, rMax: number) => (max > 0 && value > 0 ? rMax * Math.sqrt(value / max) : 0);

/** The size legend's values (the largest plant's capacity and a third and a tenth of it, rounded) with their radii; repeats dropped. */
export function sizeLegend(max: number, rMax: number): { value: number; r: number }[] {
  const values = [...new Set([max, max / 3, max / 10].map(roundValue).filter((v) => v > 0))];
  return values.map((value) => ({ value, r: radiusOf(value, max, rMax) }));
}

/** A plant's short label: its name up to the first comma, without the words "Vehicle Assembly Plant", "Auto Plant", "Plant" or a bracket. */
export function shortName(name: string): string {
  const head = name.split(",")[0] ?? name;
  const short = head
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .replace(/\b(Vehicle Assembly Plant|Assembly Plant|Auto Plant|Plant)\b/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return short || head.trim();
}
