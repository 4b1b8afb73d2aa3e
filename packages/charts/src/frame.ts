const SVG_NS = "http://www.w3.org/2000/svg";
const FONT = "system-ui, sans-serif";

/** "Source: tieup, scenario nissan-honda-us (version 3), exported 2026-12-07", under every exported chart. */
export function sourceLine(s: { scenario: string; version?: string | number | undefined }, date = new Date()): string {
  const version = s.version !== undefined ? ` (version ${s.version})` : "";
  return `Source: tieup, scenario ${s.scenario || "unnamed"}${version}, exported ${date.toISOString().slice(0, 10)}`;
}

/** What a chart file says round the chart: its title (with units) and where the numbers come from. */
export interface ChartFrame {
  title: string;
  /** "Source: tieup, scenario nissan-honda-us, exported 2026-12-07". */
  source: string;
}

/**
 * The chart as a standalone SVG file: its title, its legend (Plot draws
 * categorical legends as HTML beside the SVG, so they are redrawn here as
 * SVG), the chart itself, and a source line, on a white background.
 */
export function chartSvg(container: Element, frame?: ChartFrame, serialiseXml: (svg: Element) => string = xml): string | undefined {
  const svgs = [...container.querySelectorAll("svg")];
  const main = svgs.sort((a, b) => area(b) - area(a))[0];
  if (!main) return undefined;
  const copy = main.cloneNode(true) as SVGSVGElement;
  // Plot styles the SVG with a <style> inside it, and the text inherits the page font: pin one so the file renders alike anywhere.
  copy.setAttribute("font-family", FONT);
  if (!frame) {
    copy.setAttribute("xmlns", SVG_NS);
    if (!copy.getAttribute("style")?.includes("background")) copy.setAttribute("style", `${copy.getAttribute("style") ?? ""};background:white`);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${serialiseXml(copy)}`;
  }
  const width = Number(main.getAttribute("width") ?? 640);
  const height = Number(main.getAttribute("height") ?? 400);
  const doc = main.ownerDocument;
  const out = doc.createElementNS(SVG_NS, "svg");
  const el = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const e = doc.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    out.append(e);
    return e;
  };
  let y = 8;
  const titleLines = wrap(frame.title, Math.max(20, Math.floor((width - 16) / 7.5)));
  const titles = titleLines.map((line) => {
    y += 18;
    return { line, y };
  });
  const items = legendItems(container);
  const rows = layoutLegend(items, width - 16);
  const legendTop = y + 10;
  y = legendTop + rows.length * 18;
  const chartTop = y + 4;
  const total = chartTop + height + 26;
  for (const [k, v] of Object.entries({ xmlns: SVG_NS, width, height: total, viewBox: `0 0 ${width} ${total}`, "font-family": FONT }))
    out.setAttribute(k, String(v));
  el("rect", { width, height: total, fill: "white" });
  for (const t of titles) el("text", { x: 8, y: t.y, "font-size": 14, "font-weight": "bold", fill: "#111" }, t.line);
  rows.forEach((row, r) => {
    for (const it of row) {
      const ty = legendTop + r * 18;
      el("rect", { x: 8 + it.x, y: ty, width: 12, height: 12, fill: it.colour });
      el("text", { x: 8 + it.x + 17, y: ty + 10, "font-size": 11, fill: "#222" }, it.label);
    }
  });
  copy.setAttribute("x", "0");
  copy.setAttribute("y", String(chartTop));
  out.append(copy);
  el("text", { x: 8, y: total - 9, "font-size": 10, fill: "#555" }, frame.source);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialiseXml(out)}`;
}

/** The browser's serialiser; Node passes its DOM's own. */
function xml(svg: Element): string {
  return new XMLSerializer().serializeToString(svg);
}

export interface LegendItem {
  label: string;
  colour: string;
}

/** Plot's swatch legends: one item per swatch, its colour from the swatch's fill. */
export function legendItems(container: Element): LegendItem[] {
  return [...container.querySelectorAll('[class$="-swatch"]')].map((s) => {
    const sw = s.querySelector("svg");
    const colour = sw?.getAttribute("fill") ?? sw?.querySelector("[fill]")?.getAttribute("fill") ?? "#888";
    return { label: (s.textContent ?? "").trim(), colour };
  });
}

/** Legend items in rows that fit `width` (11 px text ≈ 6.2 px a character, a 17 px swatch and 14 px between items). */
export function layoutLegend(items: readonly LegendItem[], width: number): (LegendItem & { x: number })[][] {
  const rows: (LegendItem & { x: number })[][] = [];
  let row: (LegendItem & { x: number })[] = [];
  let x = 0;
  for (const it of items) {
    const w = 17 + it.label.length * 6.2 + 14;
    if (row.length > 0 && x + w > width) {
      rows.push(row);
      row = [];
      x = 0;
    }
    row.push({ ...it, x });
    x += w;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Words in lines of at most `max` characters (a longer word stands alone). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function area(svg: SVGSVGElement): number {
  return Number(svg.getAttribute("width") ?? 0) * Number(svg.getAttribute("height") ?? 0);
}
