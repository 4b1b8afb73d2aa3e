import { type Summary, sketchedTailsNote } from "@tieup/core";

/** Says when P5 and P95 were read from the sketch (beyond 100,000 draws) and how close they are; nothing when they are exact. */
export function TailsNote({ summaries }: { summaries: readonly Pick<Summary, "tailsRelativeError">[] }) {
  const note = sketchedTailsNote(summaries);
  return note === undefined ? null : (
    <p className="note" data-testid="tails-note">
      {note}.
    </p>
  );
}
