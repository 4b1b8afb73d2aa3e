import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { hostName, LOOPBACK_HOSTS } from "@tieup/server";
import { CompressedCache, pickEncoding } from "./compress.js";
import type { ScenarioPayload } from "./payload.js";

/** Text formats (and WebAssembly) shrink several times compressed; images are compressed already. */
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".wasm"]);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".ico": "image/x-icon",
};

/** The built web app (packages/web/dist), found next to this package in the workspace. */
export function webAppDir(): string {
  // Same depth from src/serve and dist/serve, so tests (sources) and the installed command agree.
  return resolve(dirname(fileURLToPath(import.meta.url)), "../../../web/dist");
}

export interface Served {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves the built app and the scenario at /api/scenario on 127.0.0.1 only,
 * to requests whose Host is a loopback name or one of `allowHosts`; port 0
 * picks a free port.
 */
export function startServer(
  root: string,
  payload: ScenarioPayload,
  port: number,
  allowHosts: readonly string[] = [],
  api?: RequestListener,
  bind = "127.0.0.1",
): Promise<Served> {
  const body = Buffer.from(JSON.stringify(payload));
  const compressed = new CompressedCache();
  const hosts = new Set([...LOOPBACK_HOSTS, ...allowHosts.map((h) => h.toLowerCase())]);
  const server = createServer((req, res) => {
    const host = hostName(req.headers.host);
    if (!host || !hosts.has(host)) {
      send(res, 403, "text/plain", "this workspace answers only on 127.0.0.1 or localhost (tieup serve --allow-host adds a name)");
      return;
    }
    const path = urlPath(req.url);
    // The workspace API (with its own Host, Origin and token checks) answers everything under /api/.
    if (api && path !== undefined && (path.startsWith("/api/") || path === "/openapi.json")) api(req, res);
    else handle(root, body, compressed, req, res);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, bind, () => {
      server.off("error", fail);
      const { port: actual } = server.address() as AddressInfo;
      ok({
        url: `http://${bind.includes(":") ? `[${bind}]` : bind}:${actual}/`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
      // Keep-alive connections from a browser would hold close() open.
      server.closeIdleConnections?.();
    });
  });
}

function handle(root: string, scenario: Buffer, compressed: CompressedCache, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(res, 405, "text/plain", "only GET");
    return;
  }
  const path = urlPath(req.url);
  const file = path === undefined || path === "/api/scenario" ? undefined : staticFile(root, path);
  const encoding = pickEncoding(req.headers["accept-encoding"]);
  const packed = (key: string, body: Buffer) => (encoding ? compressed.get(key, body, encoding) : undefined);
  if (path === "/api/scenario") {
    const z = packed("/api/scenario", scenario);
    send(res, 200, "application/json", z ?? scenario, "no-store", z ? encoding : undefined);
  } else if (!file) send(res, path === undefined ? 400 : 404, "text/plain", path === undefined ? "bad request" : "not found");
  else {
    const raw = readFileSync(file);
    const stat = statSync(file);
    const z = COMPRESSIBLE.has(extname(file)) ? packed(`${file}\u0000${stat.mtimeMs}\u0000${stat.size}`, raw) : undefined;
    const cache = path?.startsWith("/assets/") ? "max-age=31536000, immutable" : "no-cache";
    send(res, 200, TYPES[extname(file)] ?? "application/octet-stream", z ?? raw, cache, z ? encoding : undefined);
  }
}

/** The decoded path of a request, or undefined when it is malformed (a stray %): never an exception in the server. */
function urlPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? "/", "http://127.0.0.1").pathname);
  } catch {
    return undefined;
  }
}

/** The file under root for a URL path, or undefined: never a file outside root. */
export function staticFile(root: string, urlPath: string): string | undefined {
  const rel = normalize(urlPath === "/" ? "/index.html" : urlPath);
  const file = join(root, rel);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, cache = "no-cache", encoding?: string): void {
  res.writeHead(status, {
    "content-type": type,
    "cache-control": cache,
    "x-content-type-options": "nosniff",
    // A cache between the server and the browser must not hand brotli to a client that asked for none.
    vary: "accept-encoding",
    ...(encoding ? { "content-encoding": encoding } : {}),
  });
  res.end(body);
}
