import type { Issue } from "@tieup/core";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Controls } from "./components/Controls.js";
import { ExportBar } from "./components/ExportBar.js";
import { Issues } from "./components/Issues.js";
import { EngineClient } from "./engine/client.js";
import type { Controls as ControlValues } from "./engine/controls.js";
import type { ScenarioFiles } from "./engine/files.js";
import type { RunReply, Timings } from "./engine/service.js";
import { loadSource } from "./engine/source.js";
import { ExportSourceContext } from "./export/context.js";
import { markChange, markDrawn, markReply } from "./state/perf.js";
import { formatHash, VIEWS, type View } from "./state/url.js";
import { useHashState } from "./state/useHashState.js";
import type { ViewProps } from "./state/view-props.js";
import { Compare } from "./views/Compare.js";
import { DealView } from "./views/Deal.js";
import { MapView } from "./views/MapView.js";
import { Optimise } from "./views/Optimise.js";
import { Overview } from "./views/Overview.js";
import { Plants } from "./views/Plants.js";
import { ScenarioView } from "./views/ScenarioView.js";
import { Uncertainty } from "./views/Uncertainty.js";

const TITLES: Record<View, string> = {
  overview: "Overview",
  plants: "Plants",
  deal: "Deal",
  map: "Map",
  compare: "Compare",
  uncertainty: "Uncertainty",
  optimise: "Optimise",
  scenario: "Scenario",
};

type Good = Extract<RunReply, { ok: true }>;

export function App() {
  const [state, update] = useHashState();
  const [source, setSource] = useState<ScenarioFiles>();
  const [edited, setEdited] = useState<string>();
  const [good, setGood] = useState<Good>();
  const [errors, setErrors] = useState<Issue[]>([]);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const client = useRef<EngineClient | null>(null);
  const skipDrawMark = useRef(false);

  useEffect(() => {
    loadSource().then((r) => setSource(r.source));
    const c = new EngineClient(
      (reply) => {
        // The redraw timing ends with the reply to the newest request, not an older one still in flight.
        if (reply.id === c.latest) markReply();
        else skipDrawMark.current = true;
        setBusy(false);
        setText(reply.text);
        if (reply.ok) {
          setGood(reply);
          setErrors([]);
        } else setErrors(reply.issues);
      },
      // The headline follows its results in a second message.
      ({ id, headline, profit, bridge }) =>
        setGood((g) => (g && g.id === id ? { ...g, snapshot: { ...g.snapshot, headline, profit, ...(bridge ? { bridge } : {}) } } : g)),
    );
    client.current = c;
    return () => c.dispose();
  }, []);

  const { view, controls } = state;
  const dealId = state.deal ?? good?.snapshot.meta.deals[0]?.id;
  // A layout effect: the request leaves before the browser paints the moved slider, not a frame later.
  useLayoutEffect(() => {
    if (!source || !client.current) return;
    setBusy(true);
    client.current.run({
      source,
      ...(edited === undefined ? {} : { entryText: edited }),
      with: state.with,
      vs: view === "compare" ? state.vs : null,
      controls,
      ...(view === "deal" && dealId ? { deal: dealId } : {}),
      before: view === "plants",
      headline: view === "overview",
    });
  }, [source, edited, state.with, state.vs, view, controls, dealId]);

  const snap = good?.snapshot;
  useEffect(() => {
    if (snap && !skipDrawMark.current) markDrawn();
    skipDrawMark.current = false;
  }, [snap]);

  const setControls = useCallback(
    (c: ControlValues) => {
      markChange();
      update({ controls: c });
    },
    [update],
  );
  const periods = snap?.meta.periods ?? [];
  const focus = state.period && periods.includes(state.period) ? state.period : periods.includes("FY2025") ? "FY2025" : (periods[0] ?? "");
  const props: ViewProps | undefined = useMemo(
    () => (snap ? { snap, state, update, setControls, focus, dealId, source, edited } : undefined),
    [snap, state, update, setControls, focus, dealId, source, edited],
  );

  // Every export names the scenario it comes from.
  const exportSource = useMemo(() => ({ scenario: snap?.meta.id ?? "" }), [snap?.meta.id]);
  return (
    <div className="app">
      <header className="top">
        <h1>
          tieup <span className="subtitle">{snap?.meta.title ?? "loading the scenario…"}</span>
        </h1>
        <nav aria-label="Views">
          {VIEWS.map((v) => (
            <a key={v} href={formatHash({ ...state, view: v })} aria-current={v === view ? "page" : undefined}>
              {TITLES[v]}
            </a>
          ))}
        </nav>
      </header>
      <aside className="side" aria-label="Controls">
        {snap ? <Controls meta={snap.meta} state={state} update={update} setControls={setControls} focus={focus} /> : null}
      </aside>
      <ExportSourceContext.Provider value={exportSource}>
        <main className="main" aria-busy={busy}>
          {errors.length > 0 && view !== "scenario" ? <Issues issues={errors} title="The edited scenario has errors; showing the last valid results" /> : null}
          {props ? <ExportBar props={props} text={text} timings={good?.timings as Timings} /> : null}
          {props ? renderView(view, props, text, errors, setEdited, source?.entry) : <p>Loading the engine…</p>}
        </main>
      </ExportSourceContext.Provider>
    </div>
  );
}

function renderView(view: View, props: ViewProps, text: string, errors: Issue[], setEdited: (t: string) => void, entry: string | undefined) {
  switch (view) {
    case "overview":
      return <Overview {...props} />;
    case "plants":
      return <Plants {...props} />;
    case "deal":
      return <DealView {...props} />;
    case "map":
      return <MapView {...props} />;
    case "compare":
      return <Compare {...props} />;
    case "uncertainty":
      return <Uncertainty {...props} />;
    case "optimise":
      return <Optimise {...props} />;
    case "scenario":
      return <ScenarioView {...props} text={text} entry={entry} errors={errors} onEdit={setEdited} />;
  }
}
