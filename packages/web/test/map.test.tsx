// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { noControls } from "../src/engine/controls.js";
import { EngineService } from "../src/engine/service.js";
import { centreLongitude, fitProjection, HOME, placeLabels, regions, roundValue, shortName, sizeLegend, zoomed } from "../src/map/layout.js";
import { plantPlace } from "../src/map/places.js";
import { parseHash } from "../src/state/url.js";
import { MapView } from "../src/views/MapView.js";
import { diskFiles } from "./disk.js";

afterEach(cleanup);

const snapshotOf = (entry = "/scenarios/nissan-honda-us.yaml") => {
  const r = new EngineService().run({ id: 1, source: diskFiles(entry), with: [], vs: null, controls: noControls() });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.snapshot;
};

describe("plant positions", () => {
  it("come from the scenario's lat/lon; a plant without them stands at its country's point, flagged", () => {
    expect(plantPlace({ country: "MX", lat: 25.54, lon: -100.95 })).toEqual({ at: [-100.95, 25.54], approximate: false });
    expect(plantPlace({ country: "MX" })).toEqual({ at: [-99.13, 19.43], approximate: true });
    expect(plantPlace({ country: "ZZ" })).toBeUndefined();
  });

  it("puts Ramos Arizpe in Coahuila, not at Mexico City: every default plant has its own coordinates", () => {
    const meta = snapshotOf().meta;
    const ramos = meta.plants.find((p) => p.id === "ramos-arizpe");
    expect(ramos).toMatchObject({ lat: 25.54, lon: -100.95 });
    expect(meta.plants.filter((p) => p.lat === undefined).map((p) => p.id)).toEqual([]);
  });
});

describe("the map's layout", () => {
  const site = (id: string, lon: number, lat: number, country: string, capacity: number) => ({ id, at: [lon, lat] as [number, number], country, capacity });

  it("splits plants at wide gaps of longitude into regions, most capacity first", () => {
    // Ohio −83, Mexico −101, Japan 131/140: the gap Mexico→Japan eastwards is 232°, Japan→Ohio 137°; both exceed 60°.
    const r = regions([
      site("ohio", -83.4, 40.2, "US", 440),
      site("celaya", -100.8, 20.5, "MX", 196),
      site("kyushu", 131, 33.8, "JP", 100),
      site("tochigi", 139.9, 36.5, "JP", 25),
    ]);
    expect(r.map((x) => [x.name, x.ids, x.capacity])).toEqual([
      ["US · MX", ["celaya", "ohio"], 636],
      ["JP", ["kyushu", "tochigi"], 125],
    ]);
    // Plants within 60° of each other all round: one region.
    expect(regions([site("a", 0, 0, "A", 1), site("b", 50, 0, "B", 2)]).map((x) => x.ids)).toEqual([["a", "b"]]);
    expect(regions([site("a", 10, 0, "A", 1)]).map((x) => x.ids)).toEqual([["a"]]);
  });

  it("centres a frame across the date line on it, and fits the points inside the frame", () => {
    // 170°E and 170°W: the mean of the angles is 180°, not 0°.
    expect(
      Math.abs(
        centreLongitude([
          [170, 0],
          [-170, 0],
        ]),
      ),
    ).toBeCloseTo(180, 6);
    const points: [number, number][] = [
      [-100.95, 25.54],
      [-83.37, 40.24],
      [-79.87, 44.15],
      [-102.29, 21.88],
    ];
    const p = fitProjection(points, 600, 400, HOME, 24);
    for (const pt of points) {
      const [x, y] = p(pt) as [number, number];
      expect(x).toBeGreaterThan(24);
      expect(x).toBeLessThan(576);
      expect(y).toBeGreaterThan(24);
      expect(y).toBeLessThan(376);
    }
    // Zooming 2× about the centre doubles every distance from it.
    const z = fitProjection(points, 600, 400, zoomed(HOME, 2), 24);
    const [x1, y1] = p(points[0] as [number, number]) as [number, number];
    const [x2, y2] = z(points[0] as [number, number]) as [number, number];
    expect(x2 - 300).toBeCloseTo(2 * (x1 - 300), 6);
    expect(y2 - 200).toBeCloseTo(2 * (y1 - 200), 6);
    // Zoom stays within its bounds.
    expect(zoomed({ zoom: 12, pan: [0, 0] }, 2).zoom).toBe(16);
    // The frame of North America is not the Pacific: Japan falls outside it.
    const [jx] = p([139.9, 36.5]) as [number, number];
    expect(jx < 0 || jx > 600).toBe(true);
  });

  it("places labels right of their circle, else left, above, below, and drops one that fits nowhere", () => {
    // Label width = 6.2 px × characters + 2: "AAAA" is 26.8 px, 12 px high.
    const out = placeLabels(
      [
        { id: "a", x: 50, y: 50, r: 5, text: "AAAA" },
        { id: "b", x: 52, y: 50, r: 5, text: "BBBB" },
        { id: "c", x: 51, y: 50, r: 5, text: "CCCC" },
        { id: "d", x: 51, y: 50, r: 5, text: "DDDD" },
        { id: "e", x: 51, y: 50, r: 5, text: "EEEE" },
      ],
      200,
      200,
    );
    expect(out.map((l) => [l.id, l.x, l.y, l.anchor])).toEqual([
      ["a", 58, 54, "start"],
      ["b", 44, 54, "end"],
      ["c", 51, 42, "middle"],
      ["d", 51, 66, "middle"],
    ]);
    // A label that would leave the frame is not drawn there.
    expect(placeLabels([{ id: "x", x: 195, y: 100, r: 3, text: "Far right" }], 200, 200)[0]?.anchor).toBe("end");
  });

  it("sizes circles by area and rounds the legend's values", () => {
    expect(roundValue(427_000)).toBe(400_000);
    expect(roundValue(142_333)).toBe(100_000);
    expect(roundValue(0)).toBe(0);
    // Legend for a largest plant of 440,000 and rMax 18: 400k (r = 18·√(400/440) = 17.16), 100k (8.58), 40k (5.43).
    const legend = sizeLegend(440_000, 18);
    expect(legend.map((l) => l.value)).toEqual([400_000, 100_000, 40_000]);
    expect(legend.map((l) => Number(l.r.toFixed(2)))).toEqual([17.16, 8.58, 5.43]);
  });

  it("labels plants by their short names", () => {
    expect(shortName("Smyrna Vehicle Assembly Plant, Tennessee")).toBe("Smyrna");
    expect(shortName("COMPAS (Nissan-Mercedes JV), Aguascalientes, Mexico (US-market slice)")).toBe("COMPAS");
    expect(shortName("Indiana Auto Plant, Greensburg")).toBe("Indiana");
    expect(shortName("GM Ramos Arizpe, Coahuila, Mexico (Honda Prologue supply)")).toBe("GM Ramos Arizpe");
  });
});

describe("the map view", () => {
  it("frames North America by default with labels, a capacity legend, company names and zoom", () => {
    const snap = snapshotOf();
    render(<MapView snap={snap} state={parseHash("#/map")} update={vi.fn()} setControls={vi.fn()} focus="FY2025" dealId={undefined} />);
    const chart = document.querySelector('[data-chart="map-FY2025"]') as Element;
    const svg = chart.querySelector("svg") as SVGSVGElement;
    const region = screen.getByLabelText("Region") as HTMLSelectElement;
    expect(region.selectedOptions[0]?.textContent).toBe("US · MX · CA (13 plants)");
    const drawn = [...svg.querySelectorAll("[data-plant]")].map((g) => g.getAttribute("data-plant"));
    expect(drawn).toContain("ramos-arizpe");
    expect(drawn).not.toContain("tochigi");
    expect(chart.querySelector(".note")?.textContent).toContain("Plants in other regions (their flows enter from the edge): JP, 4.");
    // Ramos Arizpe (25.5 N) is drawn well north of CIVAC (18.9 N, near Mexico City).
    const cy = (id: string) => Number(svg.querySelector(`[data-plant="${id}"] circle`)?.getAttribute("cy"));
    expect(cy("ramos-arizpe")).toBeLessThan(cy("civac") - 20);
    const labels = [...svg.querySelectorAll("[data-label]")].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(["Smyrna", "Marysville", "GM Ramos Arizpe"]));
    expect(svg.querySelector(".legend-size")?.textContent).toContain("capacity in FY2025");
    expect([...(svg.querySelector(".legend-owners")?.querySelectorAll("text") ?? [])].map((t) => t.textContent)).toEqual(
      snap.meta.companies.map((c) => c.name),
    );
    // Zoom in: the same plant moves away from the centre.
    const width = Number(svg.getAttribute("width"));
    const cx = (id: string, s: Element) => Number(s.querySelector(`[data-plant="${id}"] circle`)?.getAttribute("cx"));
    const before = cx("smyrna", svg) - width / 2;
    fireEvent.click(screen.getByRole("button", { name: "zoom in" }));
    const after = cx("smyrna", chart.querySelector("svg") as Element) - width / 2;
    expect(after).toBeCloseTo(before * 1.5, 3);
    // The Japanese plants are a region of their own.
    fireEvent.change(region, { target: { value: "1" } });
    const japan = [...(chart.querySelector("svg") as Element).querySelectorAll("[data-plant]")].map((g) => g.getAttribute("data-plant"));
    expect(japan.sort()).toEqual(["kyushu", "shatai-kyushu", "tochigi", "yorii"]);
  });
});
