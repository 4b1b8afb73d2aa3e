import { EngineService, type HeadlineReply, type RunReply, type RunRequest } from "./service.js";

/** The headline lane's answer: the headline of request `id`, absent when there is none. */
export interface HeadlineMessage {
  id: number;
  reply?: HeadlineReply | undefined;
}

// The engine runs here so that evaluating never blocks the page. The client starts this file twice, for the
// results and for the Overview's headline (see client.ts): one bundle, fetched and compiled once on a cold load,
// and the worker's name says which answer it gives.
const service = new EngineService();

function results(e: MessageEvent<RunRequest>): void {
  let reply: RunReply;
  try {
    reply = service.run(e.data);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    reply = { id: e.data.id, ok: false, issues: [{ severity: "error", path: "(engine)", message }], text: e.data.entryText ?? "", overrides: [] };
  }
  self.postMessage(reply);
}

// The headline evaluates the request again, then its extra evaluations, and answers with the headline alone
// (none when the run or the headline fails: the results come from the other lane).
function headline(e: MessageEvent<RunRequest>): void {
  const req = { ...e.data, headline: true };
  const { deal: _, ...plain } = req;
  try {
    const r = service.run(plain);
    self.postMessage({ id: req.id, ...(r.ok ? { reply: service.headline(plain) } : {}) } satisfies HeadlineMessage);
  } catch {
    self.postMessage({ id: req.id } satisfies HeadlineMessage);
  }
}

self.onmessage = self.name === "headline" ? headline : results;
