import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "tieup-chart-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The export date is the day's: the snapshot holds a placeholder. */
const steady = (svg: string) => svg.replace(/exported \d{4}-\d{2}-\d{2}/, "exported YYYY-MM-DD");

describe("tieup chart", () => {
  it("lists the charts by name", async () => {
    const r = await runCli("chart", "--list");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").map((l) => l.split(" ")[0])).toEqual(["duty-by-measure", "operating-profit", "profit-bridge", "uncertainty-tornado", ""]);
  });

  it("writes the bridge as an SVG with the web's frame: title with units, legend, chart, source line (snapshot)", async () => {
    const file = join(tmp, "bridge.svg");
    const r = await runCli("chart", "profit-bridge", "--out", file);
    expect(r.code).toBe(0);
    const svg = readFileSync(file, "utf8");
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(">Operating-profit bridge, FY2024 to FY2025 (¥bn, whole company)</text>");
    for (const legend of ["total", "up", "down"]) expect(svg).toContain(`>${legend}</text>`);
    expect(svg).toMatch(/>Source: tieup, scenario nissan-honda-us, exported \d{4}-\d{2}-\d{2}<\/text>/);
    // One bar per factor per company, start and end included: 14 steps × 2 companies.
    const bars = svg.slice(svg.indexOf('aria-label="bar"'), svg.indexOf('aria-label="rule"'));
    expect(bars.match(/<rect/g)?.length).toBe(28);
    expect(steady(svg)).toMatchSnapshot();
  }, 60_000);

  it("writes a PNG at twice the SVG's size, and an SVG to standard output without --out", async () => {
    const file = join(tmp, "duty.png");
    expect((await runCli("chart", "duty-by-measure", "--out", file, "--width", "640")).code).toBe(0);
    const png = readFileSync(file);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // The IHDR chunk's width: 640 px drawn at 2×.
    expect(png.readUInt32BE(16)).toBe(1280);
    const out = await runCli("chart", "operating-profit");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(">Operating profit, whole company (¥bn)</text>");
  }, 60_000);

  it("draws the tornado from the built-in uncertain scenario, one bar per parameter and end, and refuses a scenario without uncertainty", async () => {
    const r = await runCli("chart", "uncertainty-tornado");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("What moves Nissan Motor Co. · FY2026 operating profit, whole company most");
    expect(r.stdout).toContain("scenario nissan-honda-us-uncertain");
    // Three uncertain parameters (jpy-per-usd, japan-tariff, honda-pickup-demand), each at its low and its high end.
    const bars = r.stdout.slice(r.stdout.indexOf('aria-label="bar"'), r.stdout.indexOf('aria-label="rule"'));
    expect(bars.match(/<rect/g)?.length).toBe(6);
    const plain = await runCli("chart", "uncertainty-tornado", "scenarios/nissan-honda-us.yaml");
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain("no uncertainty: block");
  }, 60_000);

  it("refuses an unknown chart, an image format it cannot tell and a bad width (exit 2, with a suggestion)", async () => {
    const unknown = await runCli("chart", "pie");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown chart `pie`");
    expect(unknown.stderr).toContain("duty-by-measure");
    const jpg = await runCli("chart", "duty-by-measure", "--out", join(tmp, "x.jpg"));
    expect(jpg.code).toBe(2);
    expect(jpg.stderr).toContain("name the file *.svg or *.png");
    expect((await runCli("chart", "duty-by-measure", "--width", "wide")).code).toBe(2);
  });
});
