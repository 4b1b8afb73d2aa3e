import type { Issue } from "@tieup/core";

interface Props {
  issues: Issue[];
  title: string;
  /** Line of each issue in the edited text, when it can be located. */
  lines?: (number | undefined)[];
  onPick?: (line: number) => void;
}

/** Problems with their path, message and suggestion, as the CLI prints them; errors first. */
export function Issues({ issues, title, lines, onPick }: Props) {
  if (issues.length === 0) return null;
  return (
    <section className="issues" role="alert" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {issues.map((i, k) => {
          const line = lines?.[k];
          return (
            <li key={`${i.file ?? ""}|${i.path}|${i.message}`} className={i.severity} data-path={i.path}>
              <strong>{i.severity}</strong> <code>{i.path}</code>
              {line !== undefined && onPick ? (
                <button type="button" className="link" onClick={() => onPick(line)}>
                  line {line}
                </button>
              ) : null}
              : {i.message}
              {i.suggestion ? <div className="suggestion">suggestion: {i.suggestion}</div> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
