import { loadHighs } from "@tieup/optimize";
import { type OptimiseRequest, type OptimiseResult, optimiseRequest } from "./optimise.js";

// The optimiser (HiGHS in WebAssembly) runs in a worker of its own: the
// page and the engine worker stay live while it solves. Requests are solved
// one at a time, and only the newest waiting one is kept, so changing the
// objective or a control repeatedly never builds a backlog.
let waiting: OptimiseRequest | undefined;
let busy = false;

// Compile the WebAssembly while the page draws, before the first request.
loadHighs().catch(() => {});

self.onmessage = (e: MessageEvent<OptimiseRequest>) => {
  waiting = e.data;
  if (!busy) void drain();
};

async function drain(): Promise<void> {
  busy = true;
  while (waiting) {
    const req = waiting;
    waiting = undefined;
    let reply: OptimiseResult;
    try {
      reply = await optimiseRequest(req);
    } catch (err) {
      reply = { ok: false, id: req.id, message: err instanceof Error ? err.message : String(err) };
    }
    self.postMessage(reply);
  }
  busy = false;
}
