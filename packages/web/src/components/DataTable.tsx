import type { Table } from "@tieup/core";
import { type ReactNode, useContext } from "react";
import { ExportSourceContext } from "../export/context.js";
import { download } from "../export/download.js";
import { shownCsv, tableJson } from "../export/table.js";

/** A row of a DataTable: its key, its cells (the first is the row's header), and an optional class (e.g. "below"). */
export interface DataRow {
  key: string;
  cells: ReactNode[];
  className?: string;
}

interface Props {
  caption: ReactNode;
  headers: readonly string[];
  rows: readonly DataRow[];
  testId?: string;
  /** The table's values for its CSV, XLSX and JSON exports (money in `base`, or in the row's `currency`). */
  exportAs?: { table: Table; base: string } | undefined;
}

/**
 * The workspace's one table: a caption, column headers, and rows whose first
 * cell heads the row (for screen readers and the tests that find a row by it).
 */
export function DataTable({ caption, headers, rows, testId, exportAs }: Props) {
  return (
    <table className="data" {...(testId ? { "data-testid": testId } : {})}>
      <caption>
        {caption}
        {exportAs ? <TableExport table={exportAs.table} base={exportAs.base} /> : null}
      </caption>
      <thead>
        <tr>
          {headers.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat ("with deals"), their order is fixed.
            <th key={i} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} {...(r.className ? { className: r.className } : {})}>
            {r.cells.map((c, i) =>
              i === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are positional.
                <th key={i} scope="row">
                  {c}
                </th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are positional.
                <td key={i}>{c}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** CSV (as shown, rounded), XLSX (as shown, full precision) and JSON (raw values) of one table. */
function TableExport({ table, base }: { table: Table; base: string }) {
  const source = useContext(ExportSourceContext);
  const stem = `${source.scenario || "tieup"}-${table.name}`;
  const xlsx = async () => {
    const { tablesXlsx } = await import("../export/xlsx.js");
    download(await tablesXlsx([table], base, source), `${stem}.xlsx`);
  };
  return (
    <span className="table-export">
      <button
        type="button"
        aria-label={`CSV of ${table.name}`}
        onClick={() => download(new Blob([shownCsv(table, base)], { type: "text/csv" }), `${stem}.csv`)}
      >
        CSV
      </button>
      <button type="button" aria-label={`XLSX of ${table.name}`} onClick={xlsx}>
        XLSX
      </button>
      <button
        type="button"
        aria-label={`JSON of ${table.name}`}
        onClick={() => download(new Blob([tableJson(table, base, source)], { type: "application/json" }), `${stem}.json`)}
      >
        JSON
      </button>
    </span>
  );
}
