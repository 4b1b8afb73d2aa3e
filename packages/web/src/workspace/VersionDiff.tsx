import { useEffect, useState } from "react";
import type { FileDiff, WorkspaceApi } from "./api.js";

interface Props {
  api: WorkspaceApi;
  id: string;
  versions: number[];
  /** The version open in the app: the default "to" side. */
  open: number;
  onRun(): void;
  onError(e: unknown): void;
}

/** Two versions side by side: what changed in their files, and a run that compares their results. */
export function VersionDiff({ api, id, versions, open, onRun, onError }: Props) {
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [files, setFiles] = useState<FileDiff[]>();
  const a = from ?? (open > 1 ? open - 1 : open);
  const b = to ?? open;
  // A new pair of versions makes the diff shown stale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the pair changing is the trigger
  useEffect(() => setFiles(undefined), [a, b, id]);
  if (versions.length < 2) return <p className="note">One version so far: save an edit to compare two.</p>;
  const pick = (label: string, value: number, set: (n: number) => void) => (
    <label>
      {label}{" "}
      <select value={value} onChange={(e) => set(Number(e.target.value))} data-testid={`diff-${label}`}>
        {versions.map((n) => (
          <option key={n} value={n}>
            v{n}
          </option>
        ))}
      </select>
    </label>
  );
  // The run's own version is the base and `against` the other side, so the deltas read "to − from".
  const compare = () => api.startRun(id, "compare", a, { against: { version: b } }).then(onRun, onError);
  return (
    <section className="version-diff" aria-label="Compare versions">
      <h3>Compare two versions</h3>
      <div className="save-row">
        {pick("from", a, setFrom)}
        {pick("to", b, setTo)}
        <button type="button" onClick={() => api.diff(id, a, b).then(setFiles, onError)}>
          Show what changed
        </button>
        <button type="button" onClick={compare} disabled={a === b}>
          Compare their results (a run)
        </button>
      </div>
      {files === undefined ? null : files.length === 0 ? (
        <p className="note">
          v{a} and v{b} hold the same files.
        </p>
      ) : (
        files.map((f) => (
          <details key={f.path} open data-testid="file-diff">
            <summary>
              {f.path} ({f.status})
            </summary>
            <pre className="patch">{f.patch}</pre>
          </details>
        ))
      )}
    </section>
  );
}
