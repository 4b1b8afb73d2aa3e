import { type OutputDetail, type SweepRequest, SweepSession, uncertainScenario } from "./sweep.js";

/** What the Uncertainty view sends: a sweep to run, or an output of the last sweep to detail. */
export type SweepCommand = { kind: "sweep"; req: SweepRequest; out?: string } | { kind: "detail"; out: string };

export type SweepMessage =
  | { kind: "progress"; done: number }
  | { kind: "done"; result: SweepSession["result"] }
  | { kind: "detail"; detail: OutputDetail }
  | { kind: "error"; message: string };

// Monte Carlo runs in a worker of its own, so the controls stay live while it
// draws; the worker keeps the last sweep's draws for the histograms and tornadoes.
let session: SweepSession | undefined;
const post = (m: SweepMessage) => self.postMessage(m);

self.onmessage = (e: MessageEvent<SweepCommand>) => {
  try {
    const cmd = e.data;
    if (cmd.kind === "sweep") {
      const { scenario, message } = uncertainScenario(cmd.req);
      if (!scenario) {
        post({ kind: "error", message: message ?? "no scenario to draw from" });
        return;
      }
      session = SweepSession.run(scenario, cmd.req, (done) => post({ kind: "progress", done }));
      post({ kind: "done", result: session.result });
      post({ kind: "detail", detail: session.detail(cmd.out) });
    } else if (session) post({ kind: "detail", detail: session.detail(cmd.out) });
  } catch (err) {
    post({ kind: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
