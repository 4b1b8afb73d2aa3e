import { fxRate, type Model } from "../model/model.js";

/**
 * Units of each currency per base unit, by period index, read from the
 * scenario once per model and currency. Speed: the evaluator converts prices,
 * lane costs and variable costs for every program, market and period; each
 * lookup by currency and period id (two string-keyed property reads) was a
 * measurable share of an evaluation. Amounts divide by these rates exactly
 * as toBase does, so the numbers are the same to the bit.
 */
export class FxTable {
  private readonly byCurrency = new Map<string, Float64Array>();
  constructor(readonly model: Model) {}

  rates(currency: string): Float64Array {
    let r = this.byCurrency.get(currency);
    if (r === undefined) {
      r = new Float64Array(this.model.periods.length);
      for (let t = 0; t < r.length; t++) r[t] = fxRate(this.model, currency, t);
      this.byCurrency.set(currency, r);
    }
    return r;
  }

  /**
   * `amount` in `currency` in the base currency, by period index (amount ÷
   * rate, as toBase). A plain array: a model has one per program and market,
   * and a hundred thousand small typed arrays, each with its own buffer, were
   * a measurable part of every full garbage collection.
   */
  series(amount: number, currency: string): number[] {
    const rates = this.rates(currency);
    const out = new Array<number>(rates.length).fill(Number.NaN);
    for (let t = 0; t < rates.length; t++) out[t] = amount / (rates[t] as number);
    return out;
  }
}

/** The model's FX table, kept on the model (see Model.memo). */
export function fxTableOf(model: Model): FxTable {
  const kept = model.memo?.fx;
  if (kept instanceof FxTable && kept.model === model) return kept;
  const t = new FxTable(model);
  if (model.memo) model.memo.fx = t;
  return t;
}
