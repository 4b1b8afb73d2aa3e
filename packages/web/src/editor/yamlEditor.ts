import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { yaml } from "@codemirror/lang-yaml";
import { defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { type Diagnostic, linter, lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, highlightActiveLine, keymap, lineNumbers } from "@codemirror/view";

/** An issue placed on a line of the editor. */
export interface LineMark {
  line: number;
  severity: "error" | "warning";
  /** Path and message; the suggestion follows on a line of its own. */
  text: string;
  suggestion?: string;
}

/** Issues as lint diagnostics spanning their whole line; issues on lines the text no longer has are dropped. */
export function diagnostics(state: EditorState, marks: readonly LineMark[]): Diagnostic[] {
  return marks
    .filter((m) => m.line >= 1 && m.line <= state.doc.lines)
    .map((m) => {
      const line = state.doc.line(m.line);
      return {
        from: line.from,
        to: line.to,
        severity: m.severity,
        message: m.suggestion ? `${m.text}\n${m.suggestion}` : m.text,
        renderMessage: () => message(m),
      };
    });
}

function message(m: LineMark): HTMLElement {
  const el = document.createElement("div");
  el.className = `cm-issue cm-issue-${m.severity}`;
  el.textContent = m.text;
  if (m.suggestion) {
    const s = document.createElement("div");
    s.className = "suggestion";
    s.textContent = m.suggestion;
    el.append(s);
  }
  return el;
}

/**
 * A YAML editor with syntax highlighting, line numbers, undo history and the
 * standard editing keys; issues come from the engine (showMarks) and are shown
 * by @codemirror/lint at their line: underlined, marked in the gutter, with the
 * message on hover and in the panel (Ctrl-Shift-M, F8 for the next one).
 * `onChange` gets the text after each edit.
 */
export function createYamlEditor(parent: HTMLElement, text: string, onChange: (text: string) => void): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        history(),
        highlightActiveLine(),
        yaml(),
        syntaxHighlighting(defaultHighlightStyle),
        // The issues are pushed by the engine's replies, not computed by a lint source.
        linter(null),
        lintGutter(),
        keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": "Scenario YAML" }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
}

export function showMarks(view: EditorView, marks: LineMark[]): void {
  view.dispatch(setDiagnostics(view.state, diagnostics(view.state, marks)));
}

export function goToLine(view: EditorView, line: number): void {
  const at = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
  view.dispatch({ selection: { anchor: at.from }, effects: EditorView.scrollIntoView(at.from, { y: "center" }) });
  view.focus();
}
