/** A linear expression Σ coef · column + constant, kept as parallel arrays (one per company's profit, say). */
export class Expression {
  readonly cols: number[] = [];
  readonly vals: number[] = [];
  constant = 0;

  add(col: number, value: number): void {
    if (value === 0) return;
    this.cols.push(col);
    this.vals.push(value);
  }

  /** The expression's value at a solution. */
  valueAt(x: ArrayLike<number>): number {
    let s = this.constant;
    for (let i = 0; i < this.cols.length; i++) s += (this.vals[i] as number) * (x[this.cols[i] as number] as number);
    return s;
  }
}

/** Expressions by key, created on first use. */
export class Expressions {
  readonly byKey = new Map<string, Expression>();

  of(key: string): Expression {
    let e = this.byKey.get(key);
    if (!e) {
      e = new Expression();
      this.byKey.set(key, e);
    }
    return e;
  }
}
