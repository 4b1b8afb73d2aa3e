import type { HeadlineReply, RunReply, RunRequest } from "./service.js";

/**
 * Talks to the engine worker. While the worker is busy, a newer request
 * replaces the queued one instead of piling up: a drag redraws as often as
 * the engine keeps up, never works through a backlog.
 */
export class EngineClient {
  private worker: Worker;
  private next = 1;
  private busy = false;
  private queued: RunRequest | undefined;
  private sentSource: RunRequest["source"];

  constructor(
    private onReply: (reply: RunReply) => void,
    private onHeadline: (reply: HeadlineReply) => void = () => {},
  ) {
    this.worker = new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module" });
    this.worker.onmessage = (e: MessageEvent<RunReply | HeadlineReply>) => {
      if ("kind" in e.data) {
        // A headline for a superseded request would show figures for controls no longer set.
        if (e.data.id === this.latest) this.onHeadline(e.data);
        return;
      }
      this.busy = false;
      if (this.queued) this.send(this.queued);
      this.onReply(e.data);
    };
  }

  /** Id of the newest request: a reply with it reflects every change made so far. */
  get latest(): number {
    return this.next - 1;
  }

  run(req: Omit<RunRequest, "id">): void {
    // The files go over once per worker; later requests only name what changed.
    const { source, ...rest } = req;
    const full: RunRequest = source && source !== this.sentSource ? { ...rest, source, id: this.next++ } : { ...rest, id: this.next++ };
    this.sentSource = source ?? this.sentSource;
    if (this.busy) {
      // A queued request that carries the files must keep them.
      this.queued = this.queued?.source && !full.source ? { ...full, source: this.queued.source } : full;
      return;
    }
    this.send(full);
  }

  private send(req: RunRequest): void {
    this.busy = true;
    this.queued = undefined;
    this.worker.postMessage(req);
  }

  dispose(): void {
    this.worker.terminate();
  }
}
