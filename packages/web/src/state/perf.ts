/**
 * Redraw time as the user feels it: from a control change to the charts
 * updated with its results. Recorded as performance marks and measures
 * ("tieup:redraw"), which the end-to-end test reads.
 */
let pending = false;

export function markChange(): void {
  performance.mark("tieup:change");
  pending = true;
}

/** Called when the worker's reply arrives: splits the redraw into engine (with messaging) and drawing. */
export function markReply(): void {
  if (pending) performance.mark("tieup:reply");
}

/** Called once the views have drawn a new snapshot. */
export function markDrawn(): void {
  if (!pending) return;
  pending = false;
  const m = performance.measure("tieup:redraw", "tieup:change");
  if (performance.getEntriesByName("tieup:reply").length > 0) {
    performance.measure("tieup:engine", "tieup:change", "tieup:reply");
    performance.measure("tieup:draw", "tieup:reply");
    performance.clearMarks("tieup:reply");
  }
  document.documentElement.dataset.redrawMs = m.duration.toFixed(1);
}
