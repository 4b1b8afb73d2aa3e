import type { Issue } from "@tieup/core";
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Controls } from "./components/Controls.js";
import { ExportBar } from "./components/ExportBar.js";
import { Issues } from "./components/Issues.js";
import { EngineClient } from "./engine/client.js";
import type { Controls as ControlValues } from "./engine/controls.js";
import type { HeadlineMessage } from "./engine/engine.worker.js";
import type { ScenarioFiles } from "./engine/files.js";
import type { Timings } from "./engine/service.js";
import { ExportSourceContext } from "./export/context.js";
import { carryHeadline, type GoodReply, withHeadline } from "./state/headline.js";
import { checkLink, type LinkIssue, withoutIssues } from "./state/link-check.js";
import { markChange, markDrawn, markReply } from "./state/perf.js";
import { type AppState, formatHash, VIEWS, type View } from "./state/url.js";
import { useHashState } from "./state/useHashState.js";
import type { ViewProps } from "./state/view-props.js";
import { Compare } from "./views/Compare.js";
import { DealView } from "./views/Deal.js";
import { Overview } from "./views/Overview.js";
import { Plants } from "./views/Plants.js";
import { SaveBar } from "./workspace/SaveBar.js";
import { TokenForm } from "./workspace/TokenForm.js";
import { type SourceState, useSource } from "./workspace/useSource.js";

// Views a link rarely opens first load on demand, so the code of the editor, the map, the solver's view and the sweep is not parsed before the Overview's first chart.
const MapView = lazy(() => import("./views/MapView.js").then((m) => ({ default: m.MapView })));
const Optimise = lazy(() => import("./views/Optimise.js").then((m) => ({ default: m.Optimise })));
const ScenarioView = lazy(() => import("./views/ScenarioView.js").then((m) => ({ default: m.ScenarioView })));
const Uncertainty = lazy(() => import("./views/Uncertainty.js").then((m) => ({ default: m.Uncertainty })));
const WorkspaceView = lazy(() => import("./views/Workspace.js").then((m) => ({ default: m.WorkspaceView })));

const TITLES: Record<View, string> = {
  overview: "Overview",
  plants: "Plants",
  deal: "Deal",
  map: "Map",
  compare: "Compare",
  uncertainty: "Uncertainty",
  optimise: "Optimise",
  scenario: "Scenario",
  workspace: "Workspace",
};

export function App() {
  const [linked, update] = useHashState();
  const opened = useSource(linked, update);
  const [edits, setEdits] = useState<Record<string, string>>({});
  // Edits are relative to the version open: another version starts clean.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the files changing is the trigger
  useEffect(() => setEdits({}), [opened.source]);
  const source = useMemo(() => withEdits(opened.source, edits), [opened.source, edits]);
  // Unsaved edits of a stored scenario: the browser asks before a reload or a closed tab drops them.
  const unsaved = opened.opened !== undefined && Object.keys(edits).length > 0;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
  const onEdit = useCallback(
    (path: string, text: string) =>
      setEdits((e) => {
        const { [path]: _, ...rest } = e;
        return opened.source?.files[path] === text ? rest : { ...rest, [path]: text };
      }),
    [opened.source],
  );
  const [good, setGood] = useState<GoodReply>();
  const [overrideNames, setOverrideNames] = useState<string[]>();
  const [errors, setErrors] = useState<Issue[]>([]);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const client = useRef<EngineClient | null>(null);
  const skipDrawMark = useRef(false);
  const early = useRef<HeadlineMessage | undefined>(undefined);

  useEffect(() => {
    const c = new EngineClient(
      (reply) => {
        // The redraw timing ends with the reply to the newest request, not an older one still in flight.
        if (reply.id === c.latest) markReply();
        else skipDrawMark.current = true;
        setBusy(false);
        setText(reply.text);
        setOverrideNames(reply.ok ? reply.snapshot.meta.overrides : reply.overrides);
        if (reply.ok) {
          // The headline comes from another worker: it may be here first, and until it is, the last one stays (not a blank card for a frame).
          const h = early.current?.id === reply.id ? early.current : undefined;
          setGood((g) => (h ? withHeadline(reply, h.reply) : carryHeadline(reply, g)));
          setErrors([]);
        } else setErrors(reply.issues);
      },
      (h) => {
        early.current = h;
        setGood((g) => (g && g.id === h.id ? withHeadline(g, h.reply) : g));
      },
    );
    client.current = c;
    return () => c.dispose();
  }, []);

  // A link is input: what the scenario cannot take is left out of the run and named above the views (see link-check.ts).
  const meta = good?.snapshot.meta;
  const link = useMemo(
    () => checkLink(linked, window.location.hash, { ...(meta ? { meta } : {}), ...(overrideNames ? { overrides: overrideNames } : {}) }),
    [linked, meta, overrideNames],
  );
  const checkedKey = JSON.stringify([link.with, link.vs, link.controls, link.period, link.deal]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by value, so a new result with the same link does not re-run the engine
  const state: AppState = useMemo(() => ({ ...linked, ...withoutIssues(link) }), [linked, checkedKey]);
  const { view, controls } = state;
  const dealId = state.deal ?? good?.snapshot.meta.deals[0]?.id;
  // A layout effect: the request leaves before the browser paints the moved slider, not a frame later.
  useLayoutEffect(() => {
    if (!source || !client.current) return;
    setBusy(true);
    client.current.run({
      source,
      with: state.with,
      vs: view === "compare" ? state.vs : null,
      controls,
      ...(view === "deal" && dealId ? { deal: dealId } : {}),
      before: view === "plants",
      headline: view === "overview",
    });
  }, [source, state.with, state.vs, view, controls, dealId]);

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
    () => (snap ? { snap, state, update, setControls, focus, dealId, source } : undefined),
    [snap, state, update, setControls, focus, dealId, source],
  );

  // Every export names the scenario it comes from: the stored one and its version when the workspace has it open, and whether unsaved edits are in the numbers.
  const stored = opened.opened;
  const editedNow = Object.keys(edits).length > 0;
  const exportSource = useMemo(
    () => (stored ? { scenario: `${stored.id}${editedNow ? ", edited" : ""}`, version: stored.version } : { scenario: snap?.meta.id ?? "" }),
    [stored, editedNow, snap?.meta.id],
  );
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
          {link.issues.length > 0 ? <LinkIssues issues={link.issues} onDrop={() => update(withoutIssues(link))} /> : null}
          {errors.length > 0 && view !== "scenario" ? (
            <Issues issues={errors} title={snap ? "The edited scenario has errors; showing the last valid results" : "The scenario has errors"} />
          ) : null}
          {props ? <ExportBar props={props} text={text} timings={good?.timings as Timings} /> : null}
          {opened.failure ? <OpenFailure source={opened} state={state} update={update} /> : null}
          {props && source ? (
            <Suspense fallback={<p>Loading the view…</p>}>
              {renderView(view, props, errors, {
                source,
                edits,
                onEdit,
                workspace: opened,
                ...(opened.api && opened.opened ? { saveBar: saveBarFor(opened, source, edits, update, () => setEdits({})) } : {}),
              })}
            </Suspense>
          ) : opened.failure || errors.length > 0 ? null : (
            <p>Loading the engine…</p>
          )}
        </main>
      </ExportSourceContext.Provider>
    </div>
  );
}

interface Editing {
  source: ScenarioFiles;
  edits: Record<string, string>;
  onEdit: (path: string, text: string) => void;
  saveBar?: ReactNode;
  workspace: SourceState;
}

function withEdits(source: ScenarioFiles | undefined, edits: Record<string, string>): ScenarioFiles | undefined {
  return source && Object.keys(edits).length > 0 ? { entry: source.entry, files: { ...source.files, ...edits } } : source;
}

function saveBarFor(s: SourceState, source: ScenarioFiles, edits: Record<string, string>, update: (p: Partial<AppState>) => void, discard: () => void) {
  if (!s.api || !s.opened) return null;
  return (
    <SaveBar
      api={s.api}
      opened={s.opened}
      source={source}
      edits={edits}
      onSaved={({ scenario, version }) => update({ scenario, version })}
      onDiscard={discard}
    />
  );
}

/** Values of the link the scenario cannot take: named with why, left out of the results, and one click removes them from the link. */
function LinkIssues({ issues, onDrop }: { issues: LinkIssue[]; onDrop: () => void }) {
  return (
    <section className="link-issues" data-testid="link-issues">
      <Issues
        issues={issues.map((i) => ({ severity: "error", path: `${i.param}=${i.value}`, message: i.message }))}
        title="The link has values the scenario cannot take: the results leave them out"
      />
      <button type="button" onClick={onDrop}>
        Remove them from the link
      </button>
    </section>
  );
}

/** The link named a scenario or version the workspace does not have, or the workspace wants a token: say so, and offer the way on. */
function OpenFailure({ source, state, update }: { source: SourceState; state: AppState; update: (p: Partial<AppState>) => void }) {
  const issues = source.failure ?? [];
  if (source.locked)
    return (
      <section className="open-failure">
        <Issues issues={issues} title="This workspace needs a token" />
        <TokenForm onToken={source.reload} />
      </section>
    );
  // Dropping both from the link opens the served scenario (its latest stored version).
  const back = () => update({ scenario: undefined, version: undefined } as Partial<AppState>);
  return (
    <section className="open-failure">
      <Issues
        issues={issues.map((i) => ({ ...i, path: `scenario=${state.scenario ?? ""}${state.version ? `&version=${state.version}` : ""}` }))}
        title="The link's scenario could not be opened"
      />
      <button type="button" onClick={back}>
        Open the served scenario instead
      </button>
    </section>
  );
}

function renderView(view: View, props: ViewProps, errors: Issue[], editing: Editing) {
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
      return (
        <ScenarioView
          {...props}
          files={editing.source.files}
          entry={editing.source.entry}
          editedPaths={Object.keys(editing.edits)}
          errors={errors}
          onEdit={editing.onEdit}
          saveBar={editing.saveBar}
        />
      );
    case "workspace":
      return <WorkspaceView {...props} workspace={editing.workspace} unsaved={Object.keys(editing.edits).length} />;
  }
}
