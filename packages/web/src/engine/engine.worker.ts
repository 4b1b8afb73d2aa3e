import { EngineService, type RunReply, type RunRequest } from "./service.js";

// The engine runs here so that evaluating never blocks the page; the headline has a worker of its own.
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
};
