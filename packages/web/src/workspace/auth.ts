/**
 * The bearer token a workspace bound beyond loopback asks for (`tieup token
 * create`), kept for the browser tab only: sessionStorage, not localStorage,
 * so closing the tab forgets it.
 */
const KEY = "tieup.token";

export function savedToken(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveToken(token: string | undefined): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (a locked-down browser): the token lasts until the page reloads.
  }
}

/** fetch with the tab's token, when there is one. */
export const authFetch: typeof fetch = (input, init = {}) => {
  const token = savedToken();
  if (!token) return fetch(input, init);
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};
