import type { Issue } from "@tieup/core";
import { useEffect, useMemo, useState } from "react";
import type { ScenarioFiles } from "../engine/files.js";
import { type Loaded, type Locked, loadSource } from "../engine/source.js";
import type { AppState } from "../state/url.js";
import { ApiError, WorkspaceApi } from "./api.js";
import { authFetch } from "./auth.js";

/** The stored version the app has open: what a save is based on. */
export interface Opened {
  id: string;
  title: string;
  version: number;
  head: number;
}

export interface SourceState {
  source?: ScenarioFiles;
  /** Set when the files are a stored version (the app runs on a workspace server). */
  opened?: Opened;
  /** Present when the app runs on a workspace server. */
  api?: WorkspaceApi;
  /** Why the scenario or version in the link could not be opened. */
  failure?: Issue[];
  /** The workspace wants a token before it shows anything. */
  locked?: boolean;
  /** Re-reads the open scenario (after a save elsewhere changed its head). */
  reload(): void;
}

/**
 * The files the app works on: the stored version the link names
 * (`scenario=…&version=…`, its latest when no version), else the served
 * scenario's latest stored version, else the served or bundled files.
 */
export function useSource(state: AppState, update: (p: Partial<AppState>) => void): SourceState {
  const [served, setServed] = useState<Loaded | Locked>();
  const [loaded, setLoaded] = useState<{ key: string; source: ScenarioFiles; opened?: Opened }>();
  const [failure, setFailure] = useState<Issue[]>();
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new token (tick) is a reason to ask again
  useEffect(() => {
    loadSource(authFetch).then(setServed);
  }, [tick]);
  const api = useMemo(() => (served?.origin === "server" && served.stored ? new WorkspaceApi() : undefined), [served]);
  const { scenario, version } = state;

  useEffect(() => {
    if (!served) return;
    if (served.origin === "locked") {
      setFailure(served.issues);
      return;
    }
    setFailure(undefined);
    if (!api || (!scenario && !served.stored)) {
      setLoaded({ key: "served", source: served.source });
      return;
    }
    if (!scenario) {
      // Open what is stored under the served scenario's id: its latest version, which may hold saved edits.
      update({ scenario: served.stored as string });
      return;
    }
    let live = true;
    openVersion(api, scenario, version).then(
      (r) => live && setLoaded({ key: `${scenario}@${r.opened.version}#${tick}`, ...r }),
      (e: unknown) => live && setFailure(e instanceof ApiError ? e.issues : [{ severity: "error", path: "scenario", message: String(e) }]),
    );
    return () => {
      live = false;
    };
  }, [served, api, scenario, version, tick, update]);

  return {
    ...(loaded ? { source: loaded.source } : {}),
    ...(loaded?.opened ? { opened: loaded.opened } : {}),
    ...(api ? { api } : {}),
    ...(failure ? { failure } : {}),
    ...(served?.origin === "locked" ? { locked: true } : {}),
    reload: () => setTick((t) => t + 1),
  };
}

async function openVersion(api: WorkspaceApi, id: string, version: number | undefined): Promise<{ source: ScenarioFiles; opened: Opened }> {
  const info = await api.scenario(id);
  const v = await api.version(id, version ?? info.head);
  return { source: { entry: v.entry, files: v.files }, opened: { id, title: info.title, version: v.number, head: info.head } };
}
