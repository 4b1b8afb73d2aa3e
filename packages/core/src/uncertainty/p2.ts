/**
 * The P² estimator of one quantile (Jain & Chlamtac, 1985): five markers whose
 * heights follow the running quantile by piecewise-parabolic interpolation,
 * in O(1) memory. Used for the median of a sweep whose draws are not kept; its
 * error is that of an interpolation between order statistics (a few
 * hundredths of a standard deviation on smooth distributions, more on lumpy
 * ones; see docs/uncertainty.md).
 */
export class P2Quantile {
  private readonly q: number[] = [];
  private readonly n = [0, 1, 2, 3, 4];
  private readonly want: number[];
  private readonly step: number[];
  private count = 0;

  constructor(readonly p: number) {
    this.want = [0, 2 * p, 4 * p, 2 + 2 * p, 4];
    this.step = [0, p / 2, p, (1 + p) / 2, 1];
  }

  add(x: number): void {
    this.count++;
    const q = this.q;
    if (this.count <= 5) {
      q.push(x);
      q.sort((a, b) => a - b);
      return;
    }
    let k: number;
    if (x < (q[0] as number)) {
      q[0] = x;
      k = 0;
    } else if (x >= (q[4] as number)) {
      q[4] = x;
      k = 3;
    } else {
      k = 0;
      while (x >= (q[k + 1] as number)) k++;
    }
    for (let i = k + 1; i < 5; i++) (this.n[i] as number)++;
    for (let i = 0; i < 5; i++) this.want[i] = (this.want[i] as number) + (this.step[i] as number);
    for (let i = 1; i <= 3; i++) this.adjust(i);
  }

  private adjust(i: number): void {
    const { q, n } = this;
    const d = (this.want[i] as number) - (n[i] as number);
    const up = (n[i + 1] as number) - (n[i] as number);
    const down = (n[i - 1] as number) - (n[i] as number);
    if (!((d >= 1 && up > 1) || (d <= -1 && down < -1))) return;
    const s = Math.sign(d);
    const parabolic = this.parabolic(i, s);
    if ((q[i - 1] as number) < parabolic && parabolic < (q[i + 1] as number)) q[i] = parabolic;
    else q[i] = (q[i] as number) + (s * ((q[i + s] as number) - (q[i] as number))) / ((n[i + s] as number) - (n[i] as number));
    n[i] = (n[i] as number) + s;
  }

  private parabolic(i: number, s: number): number {
    const q = this.q as [number, number, number, number, number];
    const n = this.n as [number, number, number, number, number];
    const [qm, q0, qp] = [q[i - 1] as number, q[i] as number, q[i + 1] as number];
    const [nm, n0, np] = [n[i - 1] as number, n[i] as number, n[i + 1] as number];
    return q0 + (s / (np - nm)) * ((n0 - nm + s) * ((qp - q0) / (np - n0)) + (np - n0 - s) * ((q0 - qm) / (n0 - nm)));
  }

  /** The estimate; exact (inverse empirical CDF) while fewer than six values were seen. */
  value(): number {
    if (this.count === 0) return Number.NaN;
    if (this.count <= 5) return this.q[Math.max(0, Math.ceil(this.p * this.count) - 1)] as number;
    return this.q[2] as number;
  }
}
