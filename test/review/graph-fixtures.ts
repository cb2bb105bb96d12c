import type { Graph } from "../../src/graph/graph.js";
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
