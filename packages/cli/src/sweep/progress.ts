/**
 * A one-line progress bar on standard error with the rate and the time left,
 * redrawn at most ten times a second; silent when stderr is not a terminal
 * (pipes, CI, tests) or with --quiet.
 */
export class Progress {
  private readonly started = performance.now();
  private last = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    quiet: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = !quiet && stream.isTTY === true;
  }

  update(done: number): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    this.stream.write(`\r${progressLine(done, this.total, (now - this.started) / 1000, Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 50)))}`);
  }

  /** Clears the bar; returns the elapsed seconds. */
  finish(): number {
    if (this.enabled) this.stream.write("\r\x1b[K");
    return (performance.now() - this.started) / 1000;
  }
}

/** `[#########.........]  450/1000 draws  37.5/s  15 s left` */
export function progressLine(done: number, total: number, seconds: number, width = 30): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  const rate = seconds > 0 ? done / seconds : 0;
  const left = rate > 0 ? (total - done) / rate : Number.NaN;
  const eta = Number.isFinite(left) ? `${left < 60 ? `${Math.ceil(left)} s` : `${Math.floor(left / 60)} min ${Math.ceil(left % 60)} s`} left` : "";
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(done).padStart(String(total).length)}/${total} draws  ${rate.toFixed(1)}/s  ${eta}`.trimEnd();
}
