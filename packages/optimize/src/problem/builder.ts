/**
 * A sparse linear model built column by column into typed arrays, with labels
 * kept apart (linopy's convention): variables and constraints are created in
 * named blocks whose labels are computed only when asked for (export, results),
 * so a model of 100k variables builds without 100k strings.
 */

/** A named block of consecutive columns or rows; `label(i)` names its i-th member in domain terms. */
export interface Block {
  name: string;
  first: number;
  count: number;
  label: (i: number) => string;
}

export const INF = Number.POSITIVE_INFINITY;

type Numbers = Float64Array | Int32Array;

/**
 * Growable typed arrays. Speed: `extend` fills a whole block with one
 * `fill`, and callers write through `data` after `reserve`, because on the
 * first call of a process (one CLI run) this code still runs in V8's
 * interpreter, where a function call per element is most of the cost. One
 * class per element type, so each class's call sites stay monomorphic.
 */
function growable<A extends Numbers>(make: (length: number) => A) {
  return class Growable {
    data: A;
    length = 0;
    constructor(capacity = 1024) {
      this.data = make(capacity);
    }
    /** Makes room for `extra` more elements. */
    reserve(extra: number): void {
      const need = this.length + extra;
      if (need <= this.data.length) return;
      const next = make(Math.max(need, this.data.length * 2));
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    push(x: number): void {
      if (this.length === this.data.length) this.reserve(1);
      this.data[this.length++] = x;
    }
    /** Appends `count` copies of `x`. */
    extend(count: number, x: number): void {
      this.reserve(count);
      this.data.fill(x, this.length, this.length + count);
      this.length += count;
    }
    view(): A {
      return this.data.subarray(0, this.length) as A;
    }
  };
}

const Doubles = growable((n) => new Float64Array(n));
const Ints = growable((n) => new Int32Array(n));

export class ModelBuilder {
  readonly colCost = new Doubles();
  readonly colLower = new Doubles();
  readonly colUpper = new Doubles();
  readonly integer = new Ints();
  readonly rowLower = new Doubles();
  readonly rowUpper = new Doubles();
  /** Coefficients as triplets (row, column, value), turned into CSC once. */
  private readonly tRow = new Ints(4096);
  private readonly tCol = new Ints(4096);
  private readonly tVal = new Doubles(4096);
  readonly colBlocks: Block[] = [];
  readonly rowBlocks: Block[] = [];
  /** Constant part of the objective. */
  offset = 0;
  /** The CSC matrix, kept until a coefficient is added. */
  private matrix: { starts: Int32Array; indices: Int32Array; values: Float64Array } | undefined;

  get numCols(): number {
    return this.colCost.length;
  }
  get numRows(): number {
    return this.rowLower.length;
  }
  get nnz(): number {
    return this.tVal.length;
  }

  /** Opens a block of `count` columns; fill each with `setCol`. Returns the index of its first column. */
  addColumns(name: string, count: number, label: (i: number) => string, lower = 0, upper = INF, integer = false): number {
    const first = this.numCols;
    this.colCost.extend(count, 0);
    this.colLower.extend(count, lower);
    this.colUpper.extend(count, upper);
    this.integer.extend(count, integer ? 1 : 0);
    this.colBlocks.push({ name, first, count, label });
    return first;
  }

  /** Opens a block of `count` rows with the given bounds; add their coefficients with `coef`. */
  addRows(name: string, count: number, label: (i: number) => string, lower = -INF, upper = INF): number {
    const first = this.numRows;
    this.rowLower.extend(count, lower);
    this.rowUpper.extend(count, upper);
    this.rowBlocks.push({ name, first, count, label });
    return first;
  }

  setCost(col: number, cost: number): void {
    this.colCost.data[col] = cost;
  }
  addCost(col: number, cost: number): void {
    this.colCost.data[col] = (this.colCost.data[col] as number) + cost;
  }
  /** Adds costs[i] to column cols[i] for every i (an expression into the objective). */
  addCosts(cols: ArrayLike<number>, costs: ArrayLike<number>): void {
    const c = this.colCost.data;
    for (let i = 0; i < cols.length; i++) c[cols[i] as number] = (c[cols[i] as number] as number) + (costs[i] as number);
  }
  setColBounds(col: number, lower: number, upper: number): void {
    this.colLower.data[col] = lower;
    this.colUpper.data[col] = upper;
  }
  setRowBounds(row: number, lower: number, upper: number): void {
    this.rowLower.data[row] = lower;
    this.rowUpper.data[row] = upper;
  }

  /** Adds a coefficient; a zero is skipped (absent is not zero, but a zero term is no term). */
  coef(row: number, col: number, value: number): void {
    if (value === 0) return;
    if (!Number.isFinite(value)) throw new Error(`internal: coefficient ${value} at ${this.rowLabel(row)} × ${this.colLabel(col)}`);
    this.matrix = undefined;
    this.tRow.push(row);
    this.tCol.push(col);
    this.tVal.push(value);
  }

  /**
   * Adds `value` at (rowOffset + rows[i], firstCol + i) for every i: one
   * entry per column of a block, as in demand and capacity rows. One call per
   * block rather than per coefficient (see `Doubles`).
   */
  coefPerColumn(rows: ArrayLike<number>, rowOffset: number, firstCol: number, value: number): void {
    if (value === 0 || rows.length === 0) return;
    if (!Number.isFinite(value)) throw new Error(`internal: coefficient ${value} at ${this.colLabel(firstCol)}`);
    this.matrix = undefined;
    const n = rows.length;
    this.tRow.reserve(n);
    this.tCol.reserve(n);
    this.tVal.extend(n, value);
    const r = this.tRow.data;
    const c = this.tCol.data;
    const at = this.tRow.length;
    for (let i = 0; i < n; i++) {
      r[at + i] = rowOffset + (rows[i] as number);
      c[at + i] = firstCol + i;
    }
    this.tRow.length += n;
    this.tCol.length += n;
  }

  /** The matrix in compressed sparse columns, by a counting sort of the triplets (duplicates summed). */
  csc(): { starts: Int32Array; indices: Int32Array; values: Float64Array } {
    if (this.matrix && this.matrix.starts.length === this.numCols + 1) return this.matrix;
    this.matrix = this.buildCsc();
    return this.matrix;
  }

  private buildCsc(): { starts: Int32Array; indices: Int32Array; values: Float64Array } {
    const n = this.numCols;
    const nnz = this.tVal.length;
    const starts = new Int32Array(n + 1);
    const cols = this.tCol.data;
    for (let k = 0; k < nnz; k++) {
      const j = (cols[k] as number) + 1;
      starts[j] = (starts[j] as number) + 1;
    }
    for (let j = 0; j < n; j++) starts[j + 1] = (starts[j + 1] as number) + (starts[j] as number);
    const next = starts.slice(0, n);
    const indices = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    for (let k = 0; k < nnz; k++) {
      const j = cols[k] as number;
      const at = next[j] as number;
      next[j] = at + 1;
      indices[at] = this.tRow.data[k] as number;
      values[at] = this.tVal.data[k] as number;
    }
    return dedupe(starts, indices, values, this.numRows);
  }

  colLabel(col: number): string {
    return labelOf(this.colBlocks, col, "c");
  }
  rowLabel(row: number): string {
    return labelOf(this.rowBlocks, row, "r");
  }
  /** The block a column belongs to. */
  colBlock(col: number): Block | undefined {
    return blockOf(this.colBlocks, col);
  }
  /** The block a row belongs to. */
  rowBlock(row: number): Block | undefined {
    return blockOf(this.rowBlocks, row);
  }
  block(name: string): Block | undefined {
    return this.colBlocks.find((b) => b.name === name) ?? this.rowBlocks.find((b) => b.name === name);
  }
}

function blockOf(blocks: readonly Block[], index: number): Block | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid] as Block;
    if (index < b.first) hi = mid - 1;
    else if (index >= b.first + b.count) lo = mid + 1;
    else return b;
  }
  return undefined;
}

function labelOf(blocks: readonly Block[], index: number, fallback: string): string {
  const b = blockOf(blocks, index);
  return b ? b.label(index - b.first) : `${fallback}${index}`;
}

/**
 * Sums repeated (row, column) entries within each column, so the matrix has no
 * duplicate index (HiGHS rejects them). Speed: a row-indexed stamp array, not
 * a map, finds repeats in one pass.
 */
function dedupe(
  starts: Int32Array,
  indices: Int32Array,
  values: Float64Array,
  numRows: number,
): { starts: Int32Array; indices: Int32Array; values: Float64Array } {
  const n = starts.length - 1;
  const stamp = new Int32Array(numRows).fill(-1);
  const position = new Int32Array(numRows);
  const out = new Int32Array(n + 1);
  let w = 0;
  for (let j = 0; j < n; j++) {
    out[j] = w;
    for (let k = starts[j] as number; k < (starts[j + 1] as number); k++) {
      const r = indices[k] as number;
      if (stamp[r] === j) {
        const at = position[r] as number;
        values[at] = (values[at] as number) + (values[k] as number);
        continue;
      }
      stamp[r] = j;
      position[r] = w;
      indices[w] = r;
      values[w] = values[k] as number;
      w++;
    }
  }
  out[n] = w;
  return { starts: out, indices: indices.subarray(0, w), values: values.subarray(0, w) };
}
