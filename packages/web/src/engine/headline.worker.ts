import { EngineService, type HeadlineReply, type RunRequest } from "./service.js";

/** The headline worker's answer: the headline of request `id`, absent when there is none. */
export interface HeadlineMessage {
  id: number;
  reply?: HeadlineReply | undefined;
}

// The Overview's headline in a worker of its own (see client.ts): it evaluates the request again, then the
// headline's extra evaluations, and answers with the headline alone (none when the run or the headline fails).
const service = new EngineService();

self.onmessage = (e: MessageEvent<RunRequest>) => {
  const req = { ...e.data, headline: true };
  const { deal: _, ...plain } = req;
  try {
    const r = service.run(plain);
    self.postMessage({ id: req.id, ...(r.ok ? { reply: service.headline(plain) } : {}) } satisfies HeadlineMessage);
  } catch {
    // The results come from the other worker; a headline that fails only leaves the cards without it.
    self.postMessage({ id: req.id } satisfies HeadlineMessage);
  }
};
