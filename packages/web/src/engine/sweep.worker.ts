import { type OutputDetail, type SweepRequest, SweepSession, uncertainScenario } from "./sweep.js";

/** What the Uncertainty view sends: a sweep to run, or an output of the last sweep to detail. */
export type SweepCommand = { kind: "sweep"; req: SweepRequest; out?: string } | { kind: "detail"; out: string } | { kind: "stop" };

export type SweepMessage =
  | { kind: "progress"; done: number }
  | { kind: "done"; result: SweepSession["result"] }
  | { kind: "detail"; detail: OutputDetail }
  | { kind: "error"; message: string };

// Monte Carlo runs in a worker of its own, so the controls stay live while it
// draws; the worker keeps the last sweep's draws for the histograms and tornadoes.
let session: SweepSession | undefined;
let stopped = false;
const post = (m: SweepMessage) => self.postMessage(m);

self.onmessage = async (e: MessageEvent<SweepCommand>) => {
  try {
    const cmd = e.data;
    if (cmd.kind === "stop") {
      stopped = true;
      return;
    }
    if (cmd.kind === "sweep") {
      const { scenario, message, borrowed } = uncertainScenario(cmd.req);
      if (!scenario) {
        post({ kind: "error", message: message ?? "no scenario to draw from" });
        return;
      }
      stopped = false;
      // The sweep gives way between chunks, so a stop message is read while it draws.
      const run = await SweepSession.runStoppable(
        scenario,
        borrowed ? { ...cmd.req, borrowed } : cmd.req,
        (done) => post({ kind: "progress", done }),
        () => stopped,
      );
      if (run.result.draws === 0) {
        post({ kind: "error", message: "stopped before any draw finished" });
        return;
      }
      session = run;
      post({ kind: "done", result: session.result });
      post({ kind: "detail", detail: session.detail(cmd.out) });
    } else if (session) post({ kind: "detail", detail: session.detail(cmd.out) });
  } catch (err) {
    post({ kind: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
