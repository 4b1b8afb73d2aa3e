import * as Plot from "@observablehq/plot";
import { percent, thousandUnits } from "@tieup/charts/format";
import { namesOf } from "@tieup/charts/names";
import { type PlantLine, plantsChart } from "@tieup/charts/plants";
import { type Cell, rows } from "@tieup/core";
import { Chart } from "../components/Chart.js";
import { DataTable } from "../components/DataTable.js";
import { plantLinesExport } from "../export/view-tables.js";
import type { ViewProps } from "../state/view-props.js";

const n = (x: Cell | undefined) => (typeof x === "number" ? x : 0);

/** Plants with capacity in the period: utilisation without the deals (each replaced by its counterfactual) and with them, and break-even. */
export function plantLines(snap: ViewProps["snap"], period: string): PlantLine[] {
  if (!snap.before) return [];
  const before = new Map(
    rows(snap.before.plants)
      .filter((p) => p.period === period)
      .map((p) => [String(p.plant), p]),
  );
  return rows(snap.results.plants)
    .filter((p) => p.period === period && (n(p.capacity) > 0 || n(before.get(String(p.plant))?.capacity) > 0))
    .map((p) => {
      const b = before.get(String(p.plant));
      return {
        plant: String(p.plant),
        owner: String(p.owner),
        country: String(p.country),
        before: n(b?.utilisation),
        after: n(p.utilisation),
        outputBefore: n(b?.output),
        outputAfter: n(p.output),
        breakEven: typeof p.breakEvenUtilisation === "number" ? p.breakEvenUtilisation : null,
      };
    });
}

export function Plants({ snap, focus }: ViewProps) {
  const lines = plantLines(snap, focus);
  const names = namesOf(snap.meta);
  return (
    <section aria-labelledby="plants-title">
      <h2 id="plants-title">Plants in {focus}</h2>
      <Chart
        title="Utilisation against break-even (black tick), before and with the active deals"
        name={`plants-${focus}`}
        deps={[snap, focus]}
        draw={(width) => Plot.plot(plantsChart(lines, width, names))}
      />
      <DataTable
        caption={`Plants in ${focus}`}
        exportAs={{ table: plantLinesExport(lines, focus, names), base: snap.meta.base }}
        headers={["plant", "owner", "country", "output before", "with deals", "utilisation before", "with deals", "break-even"]}
        rows={lines.map((l) => ({
          key: l.plant,
          className: l.breakEven !== null && l.after < l.breakEven ? "below" : "",
          cells: [
            names.plant(l.plant),
            names.company(l.owner),
            l.country,
            thousandUnits(l.outputBefore),
            thousandUnits(l.outputAfter),
            percent(l.before),
            percent(l.after),
            // As the CLI prints it: a plant with no contribution has no break-even, not one of 0%.
            l.breakEven === null ? "–" : percent(l.breakEven),
          ],
        }))}
      />
    </section>
  );
}
