import type { MiddlewareHandler } from "hono";
import type { Scope } from "../store/store.js";

export interface Access {
  /** Host names the server answers to (lower case, without port); anything else is a page elsewhere reaching it (DNS rebinding). */
  hosts: ReadonlySet<string>;
  /** Bound beyond loopback: every request needs a token. */
  requireToken: boolean;
}

export const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"];

/** True for addresses only this machine can reach. */
export function isLoopback(address: string): boolean {
  return address === "localhost" || address === "::1" || address.startsWith("127.");
}

/** The host name of a Host header, without its port; undefined when there is none. */
export function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const h = header.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1) || undefined;
  return h.split(":")[0] || undefined;
}

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Host and Origin checks, then tokens: a request must name an allowed host;
 * a change from a browser must come from a page of that host; beyond
 * loopback a bearer token is required, with write scope for changes.
 */
export function guard(access: Access, scopeOf: (secret: string) => Promise<Scope | undefined>): MiddlewareHandler {
  return async (c, next) => {
    const host = hostName(c.req.header("host"));
    if (!host || !access.hosts.has(host))
      return c.json(deny("Host", "this workspace does not answer to that host name", "start it with --allow-host NAME to add one"), 403);
    const origin = c.req.header("origin");
    if (!READS.has(c.req.method) && origin !== undefined && originHost(origin) !== host)
      return c.json(
        deny("Origin", `a change from a page of ${origin} is refused`, "send changes from the workspace's own pages or without an Origin header"),
        403,
      );
    if (access.requireToken) {
      const secret = c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
      const scope = secret ? await scopeOf(secret) : undefined;
      if (!scope)
        return c.json(
          deny("Authorization", "a token is required on this address", "create one with `tieup token create` and send Authorization: Bearer TOKEN"),
          401,
        );
      if (scope === "read" && !READS.has(c.req.method))
        return c.json(deny("Authorization", "this token may only read", "create a token with --scope write"), 403);
    }
    await next();
  };
}

function originHost(origin: string): string | undefined {
  try {
    return hostName(new URL(origin).host);
  } catch {
    return undefined;
  }
}

function deny(path: string, message: string, suggestion: string) {
  return { errors: [{ severity: "error" as const, path, message, suggestion }] };
}
