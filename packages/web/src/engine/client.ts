import type { HeadlineMessage } from "./engine.worker.js";
import type { RunReply, RunRequest } from "./service.js";

/**
 * One worker with at most one request queued: while it is busy, a newer
 * request replaces the queued one instead of piling up, so a drag redraws as
 * often as the engine keeps up and never works through a backlog. The files
 * go over once per worker; later requests only name what changed.
 */
class Lane<Reply> {
  private busy = false;
  private queued: RunRequest | undefined;
  private sentSource: RunRequest["source"];

  constructor(
    private readonly worker: Worker,
    onReply: (reply: Reply) => void,
  ) {
    this.worker.onmessage = (e: MessageEvent<Reply>) => {
      this.busy = false;
      if (this.queued) this.send(this.queued);
      onReply(e.data);
    };
  }

  run(req: RunRequest): void {
    const { source, ...rest } = req;
    const full: RunRequest = source && source !== this.sentSource ? req : rest;
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

/**
 * Talks to the engine. The results and the Overview's headline (a few more
 * evaluations) run in two workers side by side: a control change never waits
 * for the headline of the change before it, and on two cores both are done
 * about as soon as the results alone.
 */
export class EngineClient {
  private next = 1;
  private readonly results: Lane<RunReply>;
  private readonly headlines: Lane<HeadlineMessage>;

  constructor(onReply: (reply: RunReply) => void, onHeadline: (message: HeadlineMessage) => void = () => {}) {
    // Vite bundles a worker it sees written as `new Worker(new URL(…), …)`: so here, not inside Lane.
    // Both lanes run the same bundle (fetched and compiled once); the name picks the answer.
    this.results = new Lane(new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module", name: "results" }), onReply);
    // A headline for a superseded request would show figures for controls no longer set.
    this.headlines = new Lane(new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module", name: "headline" }), (h) => {
      if (h.id === this.latest) onHeadline(h);
    });
  }

  /** Id of the newest request: a reply with it reflects every change made so far. */
  get latest(): number {
    return this.next - 1;
  }

  run(req: Omit<RunRequest, "id">): void {
    const full: RunRequest = { ...req, id: this.next++ };
    this.results.run({ ...full, headline: false });
    if (full.headline) this.headlines.run({ ...full, vs: null, before: false });
  }

  dispose(): void {
    this.results.dispose();
    this.headlines.dispose();
  }
}
