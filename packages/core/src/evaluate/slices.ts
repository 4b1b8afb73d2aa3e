import type { FlowColumns, FlowKeys } from "./flows.js";
import type { DutyLines } from "./lines.js";

/**
 * The flows and duty lines one program wrote in one period, as computeFlows
 * wrote them (before supplies and the offset cap change any), kept in the
 * arena of the models that share a schedule cache. Another of those models
 * that shares the program's compiled entry (the same routes and plant
 * shares, so the same flows: see touchKey) copies them instead of computing
 * them again. Speed: a sweep draw evaluates 18 models, most of whose
 * programs no deal moves.
 */
export interface WrittenSlice {
  /** The arena's generation when kept: after a restart the arena's contents are another cache's. */
  generation: number;
  /** First flow and number of flows in the arena. */
  flow: number;
  flows: number;
  /** First duty line and number of lines in the arena. */
  line: number;
  lines: number;
}

const NUMBERS = 9;
const CODES = 4;

/** Flows an arena holds at most (about 20 MB with their lines): a big model's flows are computed again rather than kept twice. */
const MAX_KEPT_FLOWS = 262_144;

/**
 * Kept slices, packed in a few arrays grown by doubling and reused: a new
 * schedule cache (a new sweep draw) restarts the arena, and slices of an
 * earlier generation are no longer copied (their flows are computed again).
 * Speed: a typed array per slice, or an arena per draw, made more
 * garbage-collector work than copying the flows saved.
 */
export class SliceArena {
  generation = 0;

  constructor(private readonly maxFlows = MAX_KEPT_FLOWS) {}

  private numbers = new Float64Array(1024 * NUMBERS);
  private codes = new Int32Array(1024 * CODES);
  private lineCodes = new Int32Array(2048 * 3);
  private lineKinds = new Uint8Array(2048);
  private lineAmounts = new Float64Array(2048);
  private flowsUsed = 0;
  private linesUsed = 0;

  /** Keeps the slice written from flow `f0` to `f1` and from duty line `l0` to the end; undefined when the arena is full. */
  keep(flows: FlowColumns, keys: FlowKeys, duties: DutyLines, f0: number, f1: number, l0: number): WrittenSlice | undefined {
    const n = f1 - f0;
    const lines = duties.length - l0;
    if (this.flowsUsed + n > this.maxFlows) return undefined;
    this.reserve(n, lines);
    const slice = { generation: this.generation, flow: this.flowsUsed, flows: n, line: this.linesUsed, lines };
    for (let j = 0; j < n; j++) {
      const f = f0 + j;
      const a = (slice.flow + j) * NUMBERS;
      const num = this.numbers;
      num[a] = flows.units[f] as number;
      num[a + 1] = flows.price[f] as number;
      num[a + 2] = flows.revenue[f] as number;
      num[a + 3] = flows.variableCost[f] as number;
      num[a + 4] = flows.logistics[f] as number;
      num[a + 5] = flows.vehicleDuty[f] as number;
      num[a + 6] = flows.partsDuty[f] as number;
      num[a + 7] = flows.offset[f] as number;
      num[a + 8] = flows.transfer[f] as number;
      const b = (slice.flow + j) * CODES;
      this.codes[b] = keys.seller[f] as number;
      this.codes[b + 1] = keys.builder[f] as number;
      this.codes[b + 2] = keys.plant[f] as number;
      this.codes[b + 3] = keys.market[f] as number;
    }
    for (let j = 0; j < lines; j++) {
      const l = l0 + j;
      const at = slice.line + j;
      this.lineCodes[at * 3] = (duties.flow[l] as number) - f0;
      this.lineCodes[at * 3 + 1] = duties.measure[l] as number;
      this.lineCodes[at * 3 + 2] = duties.payer[l] as number;
      this.lineKinds[at] = duties.kind[l] as number;
      this.lineAmounts[at] = duties.amount[l] as number;
    }
    this.flowsUsed += n;
    this.linesUsed += lines;
    return slice;
  }

  /** Forgets every slice kept so far (they stay in their entries, but are not valid any more). */
  restart(): void {
    this.generation++;
    this.flowsUsed = 0;
    this.linesUsed = 0;
  }

  /** Whether a slice is still in the arena. */
  holds(s: WrittenSlice): boolean {
    return s.generation === this.generation;
  }

  /** Writes a kept slice at flow `f0` for period index `t` and program index `program`; returns the number of flows written. */
  copy(s: WrittenSlice, flows: FlowColumns, keys: FlowKeys, duties: DutyLines, f0: number, t: number, program: number): number {
    const num = this.numbers;
    for (let j = 0; j < s.flows; j++) {
      const f = f0 + j;
      const a = (s.flow + j) * NUMBERS;
      flows.units[f] = num[a] as number;
      flows.price[f] = num[a + 1] as number;
      flows.revenue[f] = num[a + 2] as number;
      flows.variableCost[f] = num[a + 3] as number;
      flows.logistics[f] = num[a + 4] as number;
      flows.vehicleDuty[f] = num[a + 5] as number;
      flows.partsDuty[f] = num[a + 6] as number;
      flows.offset[f] = num[a + 7] as number;
      flows.transfer[f] = num[a + 8] as number;
      const b = (s.flow + j) * CODES;
      keys.period[f] = t;
      keys.program[f] = program;
      keys.seller[f] = this.codes[b] as number;
      keys.builder[f] = this.codes[b + 1] as number;
      keys.plant[f] = this.codes[b + 2] as number;
      keys.market[f] = this.codes[b + 3] as number;
    }
    for (let j = s.line; j < s.line + s.lines; j++)
      duties.push(
        f0 + (this.lineCodes[j * 3] as number),
        this.lineCodes[j * 3 + 1] as number,
        this.lineKinds[j] as number,
        this.lineCodes[j * 3 + 2] as number,
        this.lineAmounts[j] as number,
      );
    return s.flows;
  }

  private reserve(flows: number, lines: number): void {
    const f = this.flowsUsed + flows;
    if (f * NUMBERS > this.numbers.length) {
      const size = Math.max(f, 2 * (this.numbers.length / NUMBERS));
      this.numbers = grown(this.numbers, new Float64Array(size * NUMBERS));
      this.codes = grown(this.codes, new Int32Array(size * CODES));
    }
    const l = this.linesUsed + lines;
    if (l > this.lineKinds.length) {
      const size = Math.max(l, 2 * this.lineKinds.length);
      this.lineCodes = grown(this.lineCodes, new Int32Array(size * 3));
      this.lineKinds = grown(this.lineKinds, new Uint8Array(size));
      this.lineAmounts = grown(this.lineAmounts, new Float64Array(size));
    }
  }
}

/** The arena of this thread: models are evaluated one at a time. */
export const SLICES = new SliceArena();

function grown<T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
