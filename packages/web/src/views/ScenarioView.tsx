import type { EditorView } from "@codemirror/view";
import type { Issue } from "@tieup/core";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { Issues } from "../components/Issues.js";
import { issueLine } from "../editor/locate.js";
import { createYamlEditor, goToLine, showMarks } from "../editor/yamlEditor.js";
import type { ViewProps } from "../state/view-props.js";

interface Props extends ViewProps {
  /** Every file of the scenario, as edited. */
  files: Record<string, string>;
  entry: string | undefined;
  /** Paths edited and not saved. */
  editedPaths: string[];
  errors: Issue[];
  onEdit: (path: string, text: string) => void;
  /** The save bar, when the scenario is stored in a workspace. */
  saveBar?: ReactNode;
}

const DEBOUNCE_MS = 300;

/**
 * The scenario's files, each editable: each pause in typing re-runs the
 * model; issues show inline at their paths (in the file they name) and in a list.
 */
export function ScenarioView({ snap, files, entry, editedPaths, errors, onEdit, saveBar }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorView | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const paths = useMemo(() => Object.keys(files).sort((a, b) => (a === entry ? -1 : b === entry ? 1 : a.localeCompare(b))), [files, entry]);
  const [picked, setPicked] = useState<string>();
  const file = picked !== undefined && paths.includes(picked) ? picked : (entry ?? paths[0] ?? "");
  // Keystrokes are filed under the file they were typed in, even when the debounce fires after a switch.
  const current = useRef(file);
  current.current = file;
  const text = files[file] ?? "";
  const pending = useRef<{ path: string; text: string } | undefined>(undefined);
  const flush = () => {
    clearTimeout(timer.current);
    const p = pending.current;
    pending.current = undefined;
    if (p) onEdit(p.path, p.text);
  };
  const issues = errors.length > 0 ? errors : snap.issues;
  // An issue without a file is the entry's: it is located only while the entry is shown.
  const lines = useMemo(() => issues.map((i) => ((i.file ?? entry) === file ? issueLine(text, { ...i, file }, file) : undefined)), [issues, text, entry, file]);

  // The editor is created once; later text arrives through the effect below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!host.current) return;
    const view = createYamlEditor(host.current, text, (t) => {
      pending.current = { path: current.current, text: t };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, DEBOUNCE_MS);
    });
    editor.current = view;
    return () => {
      // Leaving the view hands over the last keystrokes rather than dropping them.
      flush();
      view.destroy();
    };
  }, []);

  // A switch of file replaces the text at once; an outside change (a reload) only while the user is not typing.
  const shown = useRef(file);
  // biome-ignore lint/correctness/useExhaustiveDependencies: flush reads only refs and the latest onEdit
  useEffect(() => {
    const view = editor.current;
    const switched = shown.current !== file;
    shown.current = file;
    // Typing not yet handed over belongs to the file left.
    if (switched) flush();
    if (view && view.state.doc.toString() !== text && (switched || !view.hasFocus))
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  }, [text, file]);

  useEffect(() => {
    const view = editor.current;
    if (!view) return;
    showMarks(
      view,
      issues.flatMap((i, k) => {
        const line = lines[k];
        return line === undefined
          ? []
          : [{ line, severity: i.severity, text: `${i.path}: ${i.message}`, ...(i.suggestion ? { suggestion: i.suggestion } : {}) }];
      }),
    );
  }, [issues, lines]);

  const errorCount = errors.filter((i) => i.severity === "error").length;
  return (
    <section aria-labelledby="scenario-title" className="scenario-view">
      <h2 id="scenario-title">Scenario</h2>
      {saveBar}
      {paths.length > 1 ? (
        <label className="file-pick">
          File{" "}
          <select value={file} onChange={(e) => setPicked(e.target.value)} data-testid="file-pick">
            {paths.map((p) => (
              <option key={p} value={p}>
                {p}
                {p === entry ? " (entry)" : ""}
                {editedPaths.includes(p) ? " · edited" : ""}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <p className="note">
        {file || "scenario"} — edit the YAML; the model re-runs when you pause typing.{" "}
        {errorCount > 0 ? (
          <strong className="bad">{errorCount} error(s): the other views keep the last valid results.</strong>
        ) : (
          <span className="good">Valid.</span>
        )}
      </p>
      <Issues
        issues={issues}
        title={errors.length > 0 ? "Errors in the scenario" : "Warnings"}
        lines={lines}
        onPick={(line) => editor.current && goToLine(editor.current, line)}
      />
      <div ref={host} className="editor" />
    </section>
  );
}
