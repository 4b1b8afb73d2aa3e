import type { EditorView } from "@codemirror/view";
import type { Issue } from "@tieup/core";
import { useEffect, useMemo, useRef } from "react";
import { Issues } from "../components/Issues.js";
import { issueLine } from "../editor/locate.js";
import { createYamlEditor, goToLine, showMarks } from "../editor/yamlEditor.js";
import type { ViewProps } from "../state/view-props.js";

interface Props extends ViewProps {
  text: string;
  entry: string | undefined;
  errors: Issue[];
  onEdit: (text: string) => void;
}

const DEBOUNCE_MS = 300;

/** The scenario's YAML, editable: each pause in typing re-runs the model; issues show inline at their paths and in a list. */
export function ScenarioView({ snap, text, entry, errors, onEdit }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorView | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const issues = errors.length > 0 ? errors : snap.issues;
  const lines = useMemo(() => issues.map((i) => issueLine(text, i, entry)), [issues, text, entry]);

  // The editor is created once; later text arrives through the effect below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!host.current) return;
    const view = createYamlEditor(host.current, text, (t) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => onEdit(t), DEBOUNCE_MS);
    });
    editor.current = view;
    return () => {
      clearTimeout(timer.current);
      view.destroy();
    };
  }, []);

  useEffect(() => {
    const view = editor.current;
    if (view && view.state.doc.toString() !== text && !view.hasFocus) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  }, [text]);

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
      <p className="note">
        {entry ?? "scenario"} — edit the YAML; the model re-runs when you pause typing.{" "}
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
