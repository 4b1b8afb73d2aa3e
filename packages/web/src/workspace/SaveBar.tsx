import type { Issue } from "@tieup/core";
import { useState } from "react";
import { Issues } from "../components/Issues.js";
import type { ScenarioFiles } from "../engine/files.js";
import { ApiError, type WorkspaceApi } from "./api.js";
import type { Opened } from "./useSource.js";

interface Props {
  api: WorkspaceApi;
  opened: Opened;
  /** The files as edited: the open version's with the edits over them. */
  source: ScenarioFiles;
  edits: Record<string, string>;
  /** A save or a new scenario went through: open it. */
  onSaved(to: { scenario: string; version: number }): void;
  onDiscard(): void;
}

/**
 * Saves the edited files as the open scenario's next version (refused when
 * someone saved after the version open here), or as a new scenario.
 */
export function SaveBar({ api, opened, source, edits, onSaved, onDiscard }: Props) {
  const [message, setMessage] = useState("");
  const [newId, setNewId] = useState("");
  const [issues, setIssues] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const changed = Object.keys(edits).filter((p) => edits[p] !== undefined);
  const attempt = async (act: () => Promise<{ scenario: string; version: number }>) => {
    setBusy(true);
    setIssues([]);
    try {
      const to = await act();
      setMessage("");
      onSaved(to);
    } catch (e) {
      setIssues(e instanceof ApiError ? explain(e, opened) : [{ severity: "error", path: "(workspace)", message: String(e) }]);
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    attempt(async () => ({ scenario: opened.id, version: (await api.save(opened.id, opened.version, edits, message || "edited in the web app")).number }));
  const create = () =>
    attempt(async () => {
      const title = `${opened.title || opened.id} (copy)`;
      const v = await api.create({
        id: newId,
        title,
        entry: source.entry,
        files: source.files,
        message: message || `copied from ${opened.id} v${opened.version}`,
      });
      return { scenario: newId, version: v.number };
    });
  const latest = opened.version === opened.head;
  return (
    <section className="save-bar" aria-label="Save">
      <p className="note" data-testid="opened">
        Stored scenario <strong>{opened.id}</strong> · version <strong>{opened.version}</strong>
        {latest ? " (latest)" : ` of ${opened.head}: an older version; saving needs the latest`} ·{" "}
        {changed.length === 0 ? "no unsaved edits" : <strong className="warn">{`${changed.length} file(s) edited, not saved: ${changed.join(", ")}`}</strong>}
      </p>
      <div className="save-row">
        <label>
          Message <input value={message} onChange={(e) => setMessage(e.target.value)} placeholder="what changed and why" maxLength={2000} />
        </label>
        <button type="button" disabled={busy || changed.length === 0} onClick={save}>
          Save as version {opened.head + 1}
        </button>
        <button type="button" disabled={busy || changed.length === 0} onClick={onDiscard}>
          Discard edits
        </button>
      </div>
      <div className="save-row">
        <label>
          New scenario id <input value={newId} onChange={(e) => setNewId(e.target.value.trim())} placeholder="e.g. toyota-mazda-us" maxLength={63} />
        </label>
        <button type="button" disabled={busy || newId === ""} onClick={create}>
          Save as a new scenario
        </button>
      </div>
      <Issues issues={issues} title="Not saved" />
    </section>
  );
}

/** The API's refusal in the words of this page: a stale save says what to do about it. */
function explain(e: ApiError, opened: Opened): Issue[] {
  if (e.status === 412)
    return [
      {
        severity: "error",
        path: "version",
        message: `version ${opened.version} is no longer the latest: someone saved after it`,
        suggestion: "copy your edits, open the latest version from the Workspace view and apply them there, or save them as a new scenario",
      },
    ];
  return e.issues;
}
