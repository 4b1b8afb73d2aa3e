import { EngineService, type HeadlineReply, type RunReply, type RunRequest } from "./service.js";

// The engine runs here so that evaluating never blocks the page.
const service = new EngineService();

self.onmessage = (e: MessageEvent<RunRequest>) => {
  let reply: RunReply;
  try {
    reply = service.run(e.data);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    reply = { id: e.data.id, ok: false, issues: [{ severity: "error", path: "(engine)", message }], text: e.data.entryText ?? "", overrides: [] };
  }
  self.postMessage(reply);
  if (!reply.ok) return;
  let extra: HeadlineReply | undefined;
  try {
    extra = service.headline(e.data);
  } catch {
    // The results are out; a headline that fails only leaves the cards without it.
  }
  if (extra) self.postMessage(extra);
};
