import type { ReactNode } from "react";

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
}

/**
 * The workspace's one table: a caption, column headers, and rows whose first
 * cell heads the row (for screen readers and the tests that find a row by it).
 */
export function DataTable({ caption, headers, rows, testId }: Props) {
  return (
    <table className="data" {...(testId ? { "data-testid": testId } : {})}>
      <caption>{caption}</caption>
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
