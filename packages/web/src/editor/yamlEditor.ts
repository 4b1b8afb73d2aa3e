import { yaml } from "@codemirror/lang-yaml";
import { defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorState, RangeSetBuilder, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, highlightActiveLine, lineNumbers, WidgetType } from "@codemirror/view";

/** An issue placed on a line of the editor. */
export interface LineMark {
  line: number;
  severity: "error" | "warning";
  text: string;
}

const setMarks = StateEffect.define<LineMark[]>();

class MessageWidget extends WidgetType {
  constructor(
    readonly mark: LineMark,
    readonly count: number,
  ) {
    super();
  }
  override eq(other: MessageWidget): boolean {
    return other.mark.text === this.mark.text && other.mark.severity === this.mark.severity;
  }
  toDOM(): HTMLElement {
    const el = document.createElement("div");
    el.className = `cm-issue cm-issue-${this.mark.severity}`;
    el.setAttribute("role", "note");
    el.textContent = this.mark.text;
    return el;
  }
}

/** Issues drawn inline: the line tinted, the message in a block under it. Rebuilt when new issues arrive, mapped through edits meanwhile. */
const marksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) if (e.is(setMarks)) return build(tr.state, e.value);
    return deco.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

function build(state: EditorState, marks: LineMark[]): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const sorted = marks.filter((m) => m.line >= 1 && m.line <= state.doc.lines).sort((a, b) => a.line - b.line);
  sorted.forEach((m, i) => {
    const line = state.doc.line(m.line);
    builder.add(line.from, line.from, Decoration.line({ class: `cm-line-${m.severity}` }));
    builder.add(line.to, line.to, Decoration.widget({ widget: new MessageWidget(m, i), block: true, side: 1 }));
  });
  return builder.finish();
}

/** A YAML editor with syntax highlighting, line numbers and inline issues; `onChange` gets the text after each edit. */
export function createYamlEditor(parent: HTMLElement, text: string, onChange: (text: string) => void): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLine(),
        yaml(),
        syntaxHighlighting(defaultHighlightStyle),
        marksField,
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
  view.dispatch({ effects: setMarks.of(marks) });
}

export function goToLine(view: EditorView, line: number): void {
  const at = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
  view.dispatch({ selection: { anchor: at.from }, effects: EditorView.scrollIntoView(at.from, { y: "center" }) });
  view.focus();
}
