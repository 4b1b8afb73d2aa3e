import { useCallback, useEffect, useState } from "react";
import { type AppState, formatHash, parseHash } from "./url.js";

/** App state kept in the URL's hash, so that every view and setting is a link one can share. */
export function useHashState(): [AppState, (patch: Partial<AppState>) => void] {
  const [state, setState] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setState(parseHash(window.location.hash));
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const update = useCallback((patch: Partial<AppState>) => {
    setState((s) => {
      const next = { ...s, ...patch };
      // replaceState: dragging a slider must not fill the history with hundreds of entries.
      window.history.replaceState(null, "", formatHash(next));
      return next;
    });
  }, []);
  return [state, update];
}
