/** Kinds of duty line, by code. */
export const DUTY_KINDS = ["vehicle", "parts", "offset"] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];
export const VEHICLE = 0;
export const PARTS = 1;
export const OFFSET = 2;

/** Small integer codes for strings (company ids), in order of first use. */
export class Codes {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  /** The code of a value, given one if it has none yet. */
  code(value: string): number {
    let c = this.index.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.index.set(value, c);
    }
    return c;
  }

  /** The code of a value, if it has one. */
  get(value: string): number | undefined {
    return this.index.get(value);
  }
}

/**
 * The duty and offset lines of the flows, one per flow and measure charged
 * (offsets negative), by column. Measures are coded by their index in the
 * model's measures, payers by `payers`, kinds by DUTY_KINDS.
 *
 * Speed: there are about two lines per flow, two million for a big model.
 * Typed arrays grown by doubling are several times cheaper to fill than plain
 * arrays grown by push (copies, and garbage-collector scans of every new
 * backing store); the results table is built from these columns once.
 */
export class DutyLines {
  length = 0;
  flow: Int32Array;
  measure: Int32Array;
  kind: Uint8Array;
  payer: Int32Array;
  amount: Float64Array;

  /** `measures`: measure id by code; `payers`: codes of the companies that pay; `capacity`: lines expected (grown by doubling beyond). */
  constructor(
    readonly measures: readonly string[],
    readonly payers: Codes,
    capacity = 1024,
  ) {
    const size = Math.max(16, capacity);
    this.flow = new Int32Array(size);
    this.measure = new Int32Array(size);
    this.kind = new Uint8Array(size);
    this.payer = new Int32Array(size);
    this.amount = new Float64Array(size);
  }

  push(flow: number, measure: number, kind: number, payer: number, amount: number): void {
    if (this.length === this.flow.length) this.grow();
    const i = this.length++;
    this.flow[i] = flow;
    this.measure[i] = measure;
    this.kind[i] = kind;
    this.payer[i] = payer;
    this.amount[i] = amount;
  }

  private grow(): void {
    const size = this.flow.length * 2;
    this.flow = resized(this.flow, new Int32Array(size));
    this.measure = resized(this.measure, new Int32Array(size));
    this.kind = resized(this.kind, new Uint8Array(size));
    this.payer = resized(this.payer, new Int32Array(size));
    this.amount = resized(this.amount, new Float64Array(size));
  }
}

function resized<T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
