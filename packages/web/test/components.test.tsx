// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { money } from "@tieup/charts/format";
import { PLANTS, rows, tableOfRows } from "@tieup/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Controls } from "../src/components/Controls.js";
import { Issues } from "../src/components/Issues.js";
import { Slider } from "../src/components/Slider.js";
import { noControls } from "../src/engine/controls.js";
import { EngineService } from "../src/engine/service.js";
import { parseHash } from "../src/state/url.js";
import { DealView } from "../src/views/Deal.js";
import { Overview } from "../src/views/Overview.js";
import { Plants } from "../src/views/Plants.js";
import type { RunInfo } from "../src/workspace/api.js";
import { RunResult } from "../src/workspace/RunHistory.js";
import { diskFiles } from "./disk.js";

afterEach(cleanup);

const snapshotOf = (entry: string, before = false) => {
  const r = new EngineService().run({ id: 1, source: diskFiles(entry), with: [], vs: null, controls: noControls(), before });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.snapshot;
};

describe("Slider", () => {
  it("is a labelled range input that reports numbers and resets to the scenario's value", () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <Slider id="t" label="s232-auto" min={0} max={0.5} step={0.005} value={undefined} original={0.25} format={(x) => `${x * 100}%`} onChange={onChange} />,
    );
    const input = screen.getByRole("slider", { name: /^s232-auto/ }) as HTMLInputElement;
    expect(input.type).toBe("range");
    expect(input.getAttribute("aria-valuetext")).toBe("25%");
    expect((screen.getByRole("button", { name: "reset s232-auto" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(input, { target: { value: "0.1" } });
    expect(onChange).toHaveBeenLastCalledWith(0.1);
    rerender(<Slider id="t" label="s232-auto" min={0} max={0.5} step={0.005} value={0.1} original={0.25} format={(x) => `${x * 100}%`} onChange={onChange} />);
    fireEvent.click(screen.getByRole("button", { name: "reset s232-auto" }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });
});

describe("Controls", () => {
  it("sets a tariff rate, keeping the other controls", () => {
    const snap = snapshotOf("/scenarios/examples/two-plants.yaml");
    const setControls = vi.fn();
    const state = { ...parseHash("#/overview?fx.JPY=1.1"), controls: { ...noControls(), fx: { JPY: 1.1 } } };
    render(<Controls meta={snap.meta} state={state} update={vi.fn()} setControls={setControls} focus="FY2025" />);
    // Sliders are labelled with the measure's name, not its id (s232-auto).
    fireEvent.change(screen.getByRole("slider", { name: /^Section 232 on automobiles/ }), { target: { value: "0.1" } });
    expect(setControls).toHaveBeenCalledWith({ ...noControls(), fx: { JPY: 1.1 }, tariffs: { "s232-auto": 0.1 } });
    // Every control can be reached with the keyboard: each range input has a label.
    for (const input of document.querySelectorAll("input")) expect(document.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
  });
});

describe("Controls on a phone", () => {
  it("fold into a bar that says the period and how many controls are set, and opens on a tap", () => {
    const snap = snapshotOf("/scenarios/examples/two-plants.yaml");
    const state = { ...parseHash(""), controls: { ...noControls(), fx: { JPY: 1.1 }, tariffs: { "s232-auto": 0.1 } } };
    render(<Controls meta={snap.meta} state={state} update={vi.fn()} setControls={vi.fn()} focus="FY2025" />);
    const toggle = screen.getByRole("button", { name: /^Controls · FY2025 · 2 changed/ });
    const form = toggle.closest("form") as HTMLFormElement;
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(form.dataset.open).toBe("false");
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(form.dataset.open).toBe("true");
  });
});

describe("views", () => {
  it("the overview shows each company's operating profit and net tariff cost in the focus period", () => {
    const snap = snapshotOf("/scenarios/examples/two-plants.yaml");
    render(<Overview snap={snap} state={parseHash("")} update={vi.fn()} setControls={vi.fn()} focus="FY2026" dealId={undefined} />);
    const row = rows(snap.results.companies).find((c) => c.period === "FY2026" && c.company === "maker");
    const n = (k: string) => (row?.[k] as number) ?? 0;
    const card = document.querySelector('[data-company="maker"]');
    expect(card?.querySelector('[data-figure="operatingProfit"]')?.textContent).toBe(money(n("operatingProfit"), "JPY"));
    expect(card?.querySelector('[data-figure="netDuty"]')?.textContent).toBe(money(n("vehicleDuty") + n("partsDuty") - n("offset"), "JPY"));
    expect(document.querySelector('[data-chart="duty-by-measure"] svg')).not.toBeNull();
  });

  it("the plants view lists utilisation before and with the deals", () => {
    const snap = snapshotOf("/scenarios/examples/contract-pickup.yaml", true);
    render(<Plants snap={snap} state={parseHash("#/plants")} update={vi.fn()} setControls={vi.fn()} focus="FY2025" dealId={undefined} />);
    // Rows are headed by the plant's name in the scenario (canton is "Host Assembly").
    const canton = screen.getByRole("rowheader", { name: "Host Assembly" }).closest("tr");
    const cells = [...(canton?.querySelectorAll("td") ?? [])].map((td) => td.textContent);
    // The host plant builds nothing without the deal and the deal's volume with it.
    expect(cells[2]).toBe("0.0k units");
    expect(cells[3]).not.toBe("0.0k units");
  });

  it("shows no break-even for a plant that earns no contribution ('–', as the CLI), never 0.0%", () => {
    // Regression: a null break-even (no contribution per unit) was drawn as 0.0% and the plant not marked below it.
    const snap = snapshotOf("/scenarios/examples/contract-pickup.yaml", true);
    const plants = rows(snap.results.plants).map((p) => (p.plant === "canton" ? { ...p, breakEvenUtilisation: null } : p));
    snap.results = { ...snap.results, plants: tableOfRows(PLANTS, plants as never) };
    render(<Plants snap={snap} state={parseHash("#/plants")} update={vi.fn()} setControls={vi.fn()} focus="FY2025" dealId={undefined} />);
    const canton = screen.getByRole("rowheader", { name: "Host Assembly" }).closest("tr");
    const cells = [...(canton?.querySelectorAll("td") ?? [])].map((td) => td.textContent);
    expect(cells.at(-1)).toBe("–");
    expect(canton?.className).not.toContain("below");
  });
});

describe("the deal view", () => {
  it("states the zone of agreement and the Nash price of the hand-worked contract, and sets its price", () => {
    // scenarios/examples/contract-pickup.yaml: H(p) = 10,000 (p − 20,000) − 10M, C(p) = 10,000 (29,500 − p):
    // H = 0 at p = 21,000, C = 0 at p = 29,500, Nash (w = 0.5) at (21,000 + 29,500) / 2 = 25,250.
    const source = diskFiles("/scenarios/examples/contract-pickup.yaml");
    const r = new EngineService().run({ id: 1, source, with: [], vs: null, controls: noControls() });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const dealId = r.snapshot.meta.deals[0]?.id;
    const again = new EngineService().run({ id: 1, source, with: [], vs: null, controls: noControls(), ...(dealId ? { deal: dealId } : {}) });
    if (!again.ok) throw new Error("deal run failed");
    const setControls = vi.fn();
    render(<DealView snap={again.snapshot} state={parseHash("#/deal")} update={vi.fn()} setControls={setControls} focus="FY2025" dealId={dealId} />);
    expect(screen.getByText(/Zone of agreement \$21,000\/unit – \$29,500\/unit; Nash price \$25,250\/unit/)).toBeTruthy();
    expect(document.querySelector('[data-chart^="deal-"] svg')).not.toBeNull();
    fireEvent.change(screen.getByRole("slider", { name: /^transfer price/ }), { target: { value: "26000" } });
    expect(setControls).toHaveBeenCalledWith({ ...noControls(), transferPrice: { [dealId as string]: 26000 } });
  });
});

describe("the deal view of a capital injection", () => {
  it("states the valuation date and cash view in the caption, and lists the issue-price zone and dilution", () => {
    const source = diskFiles("/scenarios/nissan-honda-us.yaml");
    const r = new EngineService().run({ id: 1, source, with: [], vs: null, controls: noControls(), deal: "toyota-backs-nissan" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    render(<DealView snap={r.snapshot} state={parseHash("#/deal")} update={vi.fn()} setControls={vi.fn()} focus="FY2025" dealId="toyota-backs-nissan" />);
    expect(screen.getByText(/NPV of each party's gain as of 2025-07-31, FY2024–FY2030/)).toBeTruthy();
    const terms = screen.getByTestId("deal-terms").textContent ?? "";
    expect(terms).toMatch(/^HYPOTHETICAL/);
    expect(terms).toMatch(/issue-price zone 290\.\d–352\.\d JPY/);
    expect(terms).toMatch(/the backer holds 12\.5%/);
  });
});

describe("Issues", () => {
  it("lists each problem with its path and a link to its line", () => {
    const onPick = vi.fn();
    render(
      <Issues
        title="Errors"
        issues={[{ severity: "error", path: "plants[0].capacity", message: "must be positive", suggestion: "e.g. 100000" }]}
        lines={[12]}
        onPick={onPick}
      />,
    );
    expect(screen.getByText("plants[0].capacity")).toBeTruthy();
    expect(screen.getByText(/suggestion: e.g. 100000/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "line 12" }));
    expect(onPick).toHaveBeenCalledWith(12);
  });
});

describe("a stored sweep's result", () => {
  const run = { id: "r1234567", scenarioId: "a", version: 3, status: "done" as const, createdAt: "", kind: "sweep", params: { draws: 200_000 }, progress: 1 };
  const output = (tailsRelativeError?: number) => ({
    metric: { name: "company.nissan.FY2026.companyOperatingProfit", unit: "JPY" },
    summary: { count: 200_000, mean: -1e11, p5: -3e11, p50: -1e11, p95: 1e11, ...(tailsRelativeError === undefined ? {} : { tailsRelativeError }) },
  });

  it("says when P5 and P95 come from the sketch, with its bound, and says nothing when they are exact", () => {
    const { unmount } = render(<RunResult run={{ ...run, result: { outputs: [output(0.001), output()] } } as unknown as RunInfo} />);
    expect(screen.getByTestId("tails-note").textContent).toBe(
      "P5/P95 and ES5 (mean of the worst 5% of draws) each within 0.1% of its exact value (a sketch, beyond 100,000 draws).",
    );
    unmount();
    render(<RunResult run={{ ...run, result: { outputs: [output(), output()] } } as unknown as RunInfo} />);
    expect(screen.queryByTestId("tails-note")).toBeNull();
    expect(screen.getByTestId("run-result")).toBeTruthy();
  });
});
