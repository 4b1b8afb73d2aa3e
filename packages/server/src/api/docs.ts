/** A self-contained page listing the API's operations from its OpenAPI document (no script, no CDN: it works offline). */
export function docsPage(doc: { info?: { title?: string; description?: string }; paths?: Record<string, Record<string, { summary?: string }>> }): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const rows = Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
    Object.entries(ops).map(
      ([method, op]) => `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${esc(path)}</code></td><td>${esc(op.summary ?? "")}</td></tr>`,
    ),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.info?.title ?? "API")}</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem;max-width:70rem}td{padding:.3rem .8rem;border-bottom:1px solid #ddd;vertical-align:top}</style></head>
<body><h1>${esc(doc.info?.title ?? "API")}</h1><p>${esc(doc.info?.description ?? "")} The machine-readable document, with every request and response schema, is at <a href="/openapi.json">/openapi.json</a>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>What it does</th></tr></thead><tbody>${rows.join("")}</tbody></table></body></html>`;
}
