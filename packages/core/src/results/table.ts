/**
 * Results are long tables: one row per key, stored by column so that a
 * million-row flow table costs arrays, not objects. Every view (CLI table,
 * CSV, JSON, charts) reads these.
 */
export type Cell = string | number | null;

export interface ColumnMeta {
  name: string;
  /** "key" columns identify a row; "value" columns hold measures. */
  role: "key" | "value";
  unit?: string;
  description?: string;
}

export interface Table {
  name: string;
  columns: ColumnMeta[];
  data: Record<string, Cell[]>;
  length: number;
}

export function createTable(name: string, columns: ColumnMeta[]): Table {
  const data: Record<string, Cell[]> = {};
  for (const c of columns) data[c.name] = [];
  return { name, columns, data, length: 0 };
}

export function pushRow(t: Table, row: Record<string, Cell>): void {
  for (const c of t.columns) (t.data[c.name] as Cell[]).push(row[c.name] ?? null);
  t.length++;
}

export function rowAt(t: Table, i: number): Record<string, Cell> {
  const row: Record<string, Cell> = {};
  for (const c of t.columns) row[c.name] = (t.data[c.name] as Cell[])[i] ?? null;
  return row;
}

export function rows(t: Table): Record<string, Cell>[] {
  const out: Record<string, Cell>[] = [];
  for (let i = 0; i < t.length; i++) out.push(rowAt(t, i));
  return out;
}

export function keyColumns(t: Table): string[] {
  return t.columns.filter((c) => c.role === "key").map((c) => c.name);
}

export function valueColumns(t: Table): string[] {
  return t.columns.filter((c) => c.role === "value").map((c) => c.name);
}

/** Keeps the rows for which `keep` is true. */
export function filterRows(t: Table, keep: (row: Record<string, Cell>) => boolean): Table {
  const out = createTable(t.name, t.columns);
  for (let i = 0; i < t.length; i++) {
    const r = rowAt(t, i);
    if (keep(r)) pushRow(out, r);
  }
  return out;
}

/** Sums numeric value columns grouped by the given keys (nulls count as absent). */
export function groupSum(t: Table, keys: string[], values: string[], name = t.name): Table {
  const cols = t.columns.filter((c) => keys.includes(c.name) || values.includes(c.name));
  const out = createTable(name, cols);
  const index = new Map<string, number>();
  for (let i = 0; i < t.length; i++) {
    const k = keys.map((key) => String((t.data[key] as Cell[])[i])).join("\u0000");
    let at = index.get(k);
    if (at === undefined) {
      at = out.length;
      index.set(k, at);
      const row: Record<string, Cell> = {};
      for (const key of keys) row[key] = (t.data[key] as Cell[])[i] ?? null;
      for (const v of values) row[v] = 0;
      pushRow(out, row);
    }
    for (const v of values) {
      const x = (t.data[v] as Cell[])[i];
      if (typeof x === "number") (out.data[v] as Cell[])[at] = ((out.data[v] as Cell[])[at] as number) + x;
    }
  }
  return out;
}
