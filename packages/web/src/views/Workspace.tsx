import type { Issue } from "@tieup/core";
import { useCallback, useEffect, useState } from "react";
import { DataTable } from "../components/DataTable.js";
import { Issues } from "../components/Issues.js";
import { formatHash } from "../state/url.js";
import type { ViewProps } from "../state/view-props.js";
import { ApiError, type RunInfo, type ScenarioInfo, type VersionInfo } from "../workspace/api.js";
import { RunHistory } from "../workspace/RunHistory.js";
import type { SourceState } from "../workspace/useSource.js";
import { VersionDiff } from "../workspace/VersionDiff.js";

interface Props extends ViewProps {
  workspace: SourceState;
  /** Files edited and not saved: opening another version drops them. */
  unsaved: number;
}

const POLL_MS = 600;

/**
 * The stored side of the app: the workspace's scenarios, the open
 * scenario's versions (open any, diff or compare two), and its runs with
 * their progress, results and a cancel.
 */
export function WorkspaceView({ state, workspace, unsaved }: Props) {
  const { api, opened } = workspace;
  const [scenarios, setScenarios] = useState<ScenarioInfo[]>([]);
  const [versions, setVersions] = useState<VersionInfo[]>([]);
  const [runs, setRuns] = useState<RunInfo[]>([]);
  const [issues, setIssues] = useState<Issue[]>([]);
  const fail = useCallback((e: unknown) => setIssues(e instanceof ApiError ? e.issues : [{ severity: "error", path: "(workspace)", message: String(e) }]), []);
  const id = opened?.id;

  const refreshRuns = useCallback(() => {
    if (api && id) api.runs(id).then(setRuns, fail);
  }, [api, id, fail]);
  // A save moves the head: the lists are read again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the head changing is the trigger
  useEffect(() => {
    if (!api) return;
    api.scenarios().then(setScenarios, fail);
    if (id) api.versions(id).then(setVersions, fail);
    refreshRuns();
  }, [api, id, opened?.head, fail, refreshRuns]);
  // Poll only while something is queued or running: progress moves, then the result lands.
  const active = runs.some((r) => r.status === "queued" || r.status === "running");
  useEffect(() => {
    if (!active) return;
    const t = setInterval(refreshRuns, POLL_MS);
    return () => clearInterval(t);
  }, [active, refreshRuns]);

  if (!api || !opened)
    return (
      <section aria-labelledby="ws-title">
        <h2 id="ws-title">Workspace</h2>
        <p className="note">
          This page is not served by a workspace, so nothing is stored: start one with <code>npx tieup serve</code> to save versions and keep runs.
        </p>
      </section>
    );
  const open = (scenario: string, version?: number) =>
    formatHash({ ...state, view: "scenario", scenario, ...(version === undefined ? { version: undefined } : { version }) } as typeof state);
  return (
    <section aria-labelledby="ws-title" className="workspace-view">
      <h2 id="ws-title">Workspace</h2>
      {unsaved > 0 ? (
        <p className="warn">{unsaved} edited file(s) are not saved: opening another version drops them (save them in the Scenario view).</p>
      ) : null}
      <Issues issues={issues} title="The workspace refused" />
      <DataTable
        caption="Stored scenarios"
        testId="scenarios"
        headers={["Scenario", "Title", "Latest version", "Last saved"]}
        rows={scenarios.map((s) => ({
          key: s.id,
          cells: [
            s.id === opened.id ? (
              <strong key="id">{s.id}</strong>
            ) : (
              <a key="id" href={open(s.id)}>
                {s.id}
              </a>
            ),
            s.title,
            s.head,
            when(s.updatedAt),
          ],
        }))}
      />
      <DataTable
        caption={`Versions of ${opened.id} (open: v${opened.version})`}
        testId="versions"
        headers={["Version", "Message", "Saved", ""]}
        rows={[...versions].reverse().map((v) => ({
          key: String(v.number),
          cells: [
            `v${v.number}`,
            v.message,
            when(v.createdAt),
            v.number === opened.version ? (
              "open"
            ) : (
              <a key="open" href={open(opened.id, v.number)}>
                open
              </a>
            ),
          ],
        }))}
      />
      <VersionDiff api={api} id={opened.id} versions={versions.map((v) => v.number)} open={opened.version} onRun={refreshRuns} onError={fail} />
      <RunHistory api={api} opened={opened} runs={runs} onChange={refreshRuns} onError={fail} />
    </section>
  );
}

/** 2026-12-07T08:12:03.120Z → 2026-12-07 08:12 UTC: one zone for a team, whatever the reader's clock. */
export function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
