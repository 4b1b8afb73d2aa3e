import { runSweep, type SweepRequest, uncertainScenario } from "./sweep.js";

// Monte Carlo runs in a worker of its own, so the controls stay live while it draws.
self.onmessage = (e: MessageEvent<SweepRequest>) => {
  try {
    const { scenario, message } = uncertainScenario(e.data);
    if (!scenario) {
      self.postMessage({ kind: "error", message });
      return;
    }
    const result = runSweep(scenario, e.data, (done) => self.postMessage({ kind: "progress", done }));
    self.postMessage({ kind: "done", result });
  } catch (err) {
    self.postMessage({ kind: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
