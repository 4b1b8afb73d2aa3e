import type { Table } from "@tieup/core";
import { useContext, useState } from "react";
import type { Snapshot } from "../engine/model.js";
import type { Timings } from "../engine/service.js";

import { ExportSourceContext } from "../export/context.js";
import { download } from "../export/download.js";
import { shownCsv, tableJson } from "../export/table.js";
import type { ViewProps } from "../state/view-props.js";

/** Results tables as CSV or JSON (one) or XLSX (all), and the scenario as edited, as downloads; units and currency in the headers. */
export function ExportBar({ props, text, timings }: { props: ViewProps; text: string; timings: Timings | undefined }) {
  const tables = exportTables(props.snap);
  const [name, setName] = useState("companies");
  const stem = props.snap.meta.id;
  const source = useContext(ExportSourceContext);
  const base = props.snap.meta.base;
  const chosen = tables.find((t) => t.name === name) ?? tables[0];
  return (
    <section className="export" aria-label="Export">
      <label htmlFor="export-table">Table</label>
      <select id="export-table" value={chosen?.name} onChange={(e) => setName(e.target.value)}>
        {tables.map((t) => (
          <option key={t.name}>{t.name}</option>
        ))}
      </select>
      <button type="button" onClick={() => chosen && download(new Blob([shownCsv(chosen, base)], { type: "text/csv" }), `${stem}-${chosen.name}.csv`)}>
        CSV
      </button>
      <button
        type="button"
        onClick={() => chosen && download(new Blob([tableJson(chosen, base, source)], { type: "application/json" }), `${stem}-${chosen.name}.json`)}
      >
        JSON
      </button>
      <button type="button" onClick={async () => download(await (await import("../export/xlsx.js")).tablesXlsx(tables, base, source), `${stem}-results.xlsx`)}>
        XLSX (all tables)
      </button>
      <button type="button" onClick={() => download(new Blob([text], { type: "application/yaml" }), `${stem}.yaml`)}>
        Scenario YAML
      </button>
      {timings ? (
        <span className="timing" title="Time the engine took for the last change, in its worker">
          engine {timings.evaluate.toFixed(0)} ms{timings.compose > 0 ? ` + compose ${timings.compose.toFixed(0)} ms` : ""}
        </span>
      ) : null}
    </section>
  );
}

export function exportTables(s: Snapshot): Table[] {
  const r = s.results;
  const out = [r.companies, r.companyDuties, r.plants, r.flows, r.duties];
  if (s.compare) out.push(s.compare.companies, s.compare.companyDuties, s.compare.plants);
  return out;
}
