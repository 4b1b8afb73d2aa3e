import { type Cell, type ColumnMeta, createTable, keyColumns, pushRow, rowAt, type Table, valueColumns } from "./table.js";

/**
 * The difference of two results tables of the same shape, matched by key
 * (never by position): for each value column v, the columns v, v_base and
 * v_delta = v - v_base. Rows present on one side only count the other as 0
 * and are marked in `presence`.
 */
export function diffTables(base: Table, other: Table): Table {
  const keys = keyColumns(base);
  // A column is numeric if either side holds a number in it: an empty base must not hide the other's amounts.
  const isNumeric = (v: string) => [base, other].some((t) => t.data[v]?.some((x) => typeof x === "number"));
  const values = valueColumns(base).filter(isNumeric);
  // Non-numeric value columns (owner, currency) are labels: carried over, not differenced.
  const labels = valueColumns(base).filter((v) => !values.includes(v));
  const cols: ColumnMeta[] = [
    ...base.columns.filter((c) => c.role === "key"),
    { name: "presence", role: "key", description: "both, base-only or other-only" },
    ...base.columns.filter((c) => labels.includes(c.name)),
  ];
  for (const v of values) {
    const meta = base.columns.find((c) => c.name === v) as ColumnMeta;
    cols.push({ ...meta, name: `${v}_base` }, { ...meta, name: v }, { ...meta, name: `${v}_delta` });
  }
  const out = createTable(`${base.name}_diff`, cols);
  const keyOf = (r: Record<string, Cell>) => keys.map((k) => String(r[k])).join("\u0000");
  const baseRows = new Map<string, Record<string, Cell>>();
  for (let i = 0; i < base.length; i++) {
    const r = rowAt(base, i);
    baseRows.set(keyOf(r), r);
  }
  const seen = new Set<string>();
  const emit = (k: string, b: Record<string, Cell> | undefined, o: Record<string, Cell> | undefined) => {
    const src = (o ?? b) as Record<string, Cell>;
    const row: Record<string, Cell> = {};
    for (const key of keys) row[key] = src[key] ?? null;
    row.presence = b && o ? "both" : b ? "base-only" : "other-only";
    for (const l of labels) row[l] = src[l] ?? null;
    for (const v of values) {
      const bv = num(b?.[v]);
      const ov = num(o?.[v]);
      row[`${v}_base`] = bv;
      row[v] = ov;
      row[`${v}_delta`] = bv === null && ov === null ? null : (ov ?? 0) - (bv ?? 0);
    }
    pushRow(out, row);
    seen.add(k);
  };
  for (let i = 0; i < other.length; i++) {
    const r = rowAt(other, i);
    const k = keyOf(r);
    emit(k, baseRows.get(k), r);
  }
  for (const [k, b] of baseRows) if (!seen.has(k)) emit(k, b, undefined);
  return out;
}

function num(x: Cell | undefined): number | null {
  return typeof x === "number" ? x : null;
}
