import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type Encoding = "br" | "gzip";

/** Below this a compressed body saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * The encoding to answer an Accept-Encoding with: brotli, else gzip, else
 * none; a coding refused with q=0 is never picked.
 */
export function pickEncoding(accept: string | undefined): Encoding | undefined {
  const offered = new Map<string, number>();
  for (const part of (accept ?? "").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    offered.set(name.trim(), q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const ok = (name: Encoding) => (offered.get(name) ?? offered.get("*") ?? 0) > 0;
  return ok("br") ? "br" : ok("gzip") ? "gzip" : undefined;
}

/**
 * Compressed bodies, made once per file version and encoding: the app's
 * JavaScript is 1.3 MB raw, and compressing it again for every request
 * would cost more than sending it.
 */
export class CompressedCache {
  private readonly cache = new Map<string, Buffer>();

  /** The body in `encoding`, or undefined when it is too small to be worth it. */
  get(key: string, body: Buffer, encoding: Encoding): Buffer | undefined {
    if (body.length < MIN_BYTES) return undefined;
    const k = `${encoding}\u0000${key}`;
    let out = this.cache.get(k);
    if (!out) {
      out =
        encoding === "br"
          ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
          : gzipSync(body, { level: 9 });
      this.cache.set(k, out);
    }
    return out;
  }
}
