import type { Graph } from "../../src/graph/graph.js";
import type { FileScan } from "../../src/languages/python/raw-import.js";
import type { CachedBase } from "../../src/review/graph-cache.js";
import type { GraphCacheKey } from "../../src/review/graph-cache-key.js";

/** A small graph whose size grows with `width`, so tests can tell entries apart by size. */
export function sampleGraph(tag: string, width = 3): Graph {
  const modules = Array.from({ length: width }, (_, i) => ({
    id: `${tag}.m${i}`,
    path: `src/${tag}/m${i}.py`,
    language: "python" as const,
  }));
  return {
    modules,
    edges: modules.slice(1).map((module, i) => ({
      from: module.id,
      to: `${tag}.m${i}`,
      file: module.path,
      line: i + 1,
      text: `import ${tag}.m${i}`,
      kind: "runtime" as const,
      ...(i === 0 ? { suppression: { rules: ["new-cycle"], reason: "legacy", line: 1 } } : {}),
    })),
    warnings: [{ file: `src/${tag}/m0.py`, line: 2, message: "syntax error" }],
  };
}

export function keyFor(commit: string, overrides: Partial<GraphCacheKey> = {}): GraphCacheKey {
  return { repo: "acme/shop", commit, analyser: "0.1.0+x1", extraction: "e1", ...overrides };
}

/** A cached base: the sample graph and one Python scan per module, keyed by a blob-like name. */
export function sampleBase(tag: string, width = 3): CachedBase {
  const graph = sampleGraph(tag, width);
  const scans = new Map<string, FileScan>(
    graph.modules.map((module, i) => [
      `${tag}-blob-${i}`,
      { imports: [], warnings: [{ line: i + 1, message: `scan of ${module.path}` }] },
    ]),
  );
  return { graph, scans };
}
