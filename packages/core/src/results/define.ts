import type { Cell, ColumnMeta, Table } from "./table.js";

/**
 * A results table declared once: its columns, each with its role, its kind
 * of value, its unit and a description. The row type, the table's column
 * metadata, the CSV header and the results reference page all come from the
 * declaration, so a column cannot be added in one place and forgotten in
 * another.
 */
export type ColumnKind = "string" | "number" | "number|null";

/**
 * Units: `units` (vehicles), `fraction`, `people`, or money — `base` (the
 * scenario's base currency), `reporting` (the company's reporting currency,
 * named by the row's `currency` column), `program` (the deal program's
 * currency), or a currency code.
 */
export interface ColumnDecl<N extends string = string, K extends ColumnKind = ColumnKind> {
  readonly name: N;
  readonly role: "key" | "value";
  readonly kind: K;
  readonly unit?: string;
  readonly description: string;
}

export interface TableDecl<C extends readonly ColumnDecl[] = readonly ColumnDecl[]> {
  readonly name: string;
  readonly description: string;
  readonly columns: C;
}

/** A key column (identifies a row; text). */
const key = <N extends string>(name: N, description: string) => ({ name, role: "key", kind: "string", description }) as const;
/** A numeric key column (a price a sweep steps through, say). */
const numericKey = <N extends string, U extends string>(name: N, unit: U, description: string) =>
  ({ name, role: "key", kind: "number", unit, description }) as const;
/** A text value (an owner, a currency). */
const label = <N extends string>(name: N, description: string) => ({ name, role: "value", kind: "string", description }) as const;
/** A number in a unit. */
const measure = <N extends string, U extends string>(name: N, unit: U, description: string) =>
  ({ name, role: "value", kind: "number", unit, description }) as const;
/** A number that may be absent (null), e.g. a break-even where nothing was built. */
const optional = <N extends string, U extends string>(name: N, unit: U, description: string) =>
  ({ name, role: "value", kind: "number|null", unit, description }) as const;

/** Column builders for table declarations: `col.key`, `col.numericKey`, `col.label`, `col.measure`, `col.optional`. */
export const col = { key, numericKey, label, measure, optional };

export function defineTable<const C extends readonly ColumnDecl[]>(name: string, description: string, columns: C): TableDecl<C> {
  return { name, description, columns };
}

type ValueOf<K extends ColumnKind> = K extends "string" ? string : K extends "number" ? number : number | null;

/** The row type of a declared table. */
export type RowOf<T extends TableDecl> = { [D in T["columns"][number] as D["name"]]: ValueOf<D["kind"]> };

/** The column data of a declared table (what a columnar builder fills). */
export type DataOf<T extends TableDecl> = { [D in T["columns"][number] as D["name"]]: ValueOf<D["kind"]>[] };

const metadata = new WeakMap<TableDecl, ColumnMeta[]>();

/**
 * The column metadata of a declared table, as results tables carry it: one
 * frozen list per declaration, shared by its tables (speed: a sweep draw
 * builds eighteen companies tables of thirty columns).
 */
export function columnsOf(decl: TableDecl): ColumnMeta[] {
  let meta = metadata.get(decl);
  if (meta === undefined) {
    meta = Object.freeze(
      decl.columns.map((c) => Object.freeze({ name: c.name, role: c.role, ...(c.unit ? { unit: c.unit } : {}), description: c.description })),
    ) as ColumnMeta[];
    metadata.set(decl, meta);
  }
  return meta;
}

/** A results table from rows of a declared table (a missing cell is null). Column by column: the same table as pushing row by row, faster. */
export function tableOfRows<T extends TableDecl>(decl: T, list: readonly RowOf<T>[]): Table {
  const columns = columnsOf(decl);
  const data: Record<string, Cell[]> = {};
  const cells = list as unknown as readonly Record<string, Cell | undefined>[];
  for (const c of columns) {
    const column: Cell[] = [];
    for (let i = 0; i < cells.length; i++) column.push((cells[i] as Record<string, Cell | undefined>)[c.name] ?? null);
    data[c.name] = column;
  }
  return { name: decl.name, columns, data, length: list.length };
}

/** A results table from the columns of a declared table (every column, of one length). */
export function tableOfColumns<T extends TableDecl>(decl: T, data: DataOf<T>, length: number): Table {
  return { name: decl.name, columns: columnsOf(decl), data: data as unknown as Record<string, Cell[]>, length };
}

/**
 * Defines `name` on `target` as a value built on first read, then kept: the
 * property becomes a plain one in the same place (key order, JSON and
 * structured cloning are as for a plain property); writing it replaces it.
 */
export function lazyProperty<T>(target: object, name: string, make: () => T): void {
  const settle = (value: T) => Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(target, name, {
    get: () => {
      const value = make();
      settle(value);
      return value;
    },
    set: settle,
    enumerable: true,
    configurable: true,
  });
}

/**
 * A results table whose columns are each built on first read (see
 * lazyProperty). Speed: the text columns of a big model's flows and duty
 * lines (period, program, plant, …, eight million cells at a million flows)
 * repeat a few hundred strings; building them was a fifth of an evaluation
 * and most of the garbage collector's work, and most callers (a run's
 * report, the companies views, a sweep) never read them. Reading a column,
 * spreading `data`, JSON.stringify and structured cloning all build it.
 */
export function tableOfLazyColumns<T extends TableDecl>(decl: T, build: { [K in keyof DataOf<T>]: () => DataOf<T>[K] }, length: number): Table {
  const data: Record<string, Cell[]> = {};
  for (const c of decl.columns) {
    const make = (build as unknown as Record<string, () => Cell[]>)[c.name];
    if (!make) throw new Error(`internal: no builder for column ${c.name} of ${decl.name}`);
    lazyProperty(data, c.name, make);
  }
  return { name: decl.name, columns: columnsOf(decl), data, length };
}
