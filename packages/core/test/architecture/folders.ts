import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * The folder-level import graph of a package's sources: a node per folder
 * directly under src/ (the files at src/'s root together are the node "(src)"), an edge for
 * every relative import, type-only imports included (a cycle of types is a
 * cycle of concepts all the same).
 */
export function folderGraph(src: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(src)) {
    const from = nodeOf(src, file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const spec of relativeImports(readFileSync(file, "utf8"))) {
      const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"));
      const to = nodeOf(src, target.endsWith(".ts") || target.endsWith(".tsx") ? target : `${target}.ts`);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder: each is a cycle. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

function nodeOf(src: string, file: string): string {
  const rel = relative(src, file).split(/[\\/]/);
  return rel.length === 1 ? "(src)" : (rel[0] as string);
}

function relativeImports(text: string): string[] {
  const out: string[] = [];
  const re = /(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"|import\(\s*"(\.[^"]+)"\s*\)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push((m[1] ?? m[2]) as string);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [p] : [];
  });
}
