import type { Graph } from "../../src/graph/graph.js";
import { buildGraph } from "../../src/review/build-graph.js";
import type { GraphCache } from "../../src/review/graph-cache.js";
import { loadPolicy } from "../../src/review/load-policy.js";
import { pythonRoots } from "../../src/review/python-roots.js";
import { reviewGraphs } from "../../src/review/review-graphs.js";
import { sourceFiles } from "../../src/review/source-files.js";
import { openSnapshot, type Snapshot } from "../../src/workspace/snapshot.js";

export interface BothWays {
  readonly base: Snapshot;
  readonly head: Snapshot;
  /** What a review computes: base from the cache or built, head incrementally. */
  readonly incremental: { readonly base: Graph; readonly head: Graph };
  /** Both commits extracted from scratch, the way `graphAt` does, with the review's roots. */
  readonly full: { readonly base: Graph; readonly head: Graph };
}

export async function graphsBothWays(
  dir: string,
  baseSha: string,
  headSha: string,
  caches: readonly (GraphCache | undefined)[],
): Promise<{ full: BothWays["full"]; incremental: BothWays["incremental"][] }> {
  const base = await openSnapshot(dir, baseSha);
  const head = await openSnapshot(dir, headSha);
  const { policy } = await loadPolicy(base, head);
  const baseFiles = sourceFiles(base.files, policy);
  const headFiles = sourceFiles(head.files, policy);
  const roots = await pythonRoots(policy, [
    { snapshot: base, files: baseFiles },
    { snapshot: head, files: headFiles },
  ]);
  const full = {
    base: await buildGraph(base, baseFiles, roots),
    head: await buildGraph(head, headFiles, roots),
  };
  const incremental = [];
  for (const cache of caches) {
    incremental.push(await reviewGraphs(base, head, policy, { cache, repoId: "acme/shop" }));
  }
  return { full, incremental };
}

/** Edges of files the change did not touch that differ between base and head. */
export function movedUnchangedEdges(
  base: Graph,
  head: Graph,
  changed: ReadonlySet<string>,
): number {
  const key = (edge: Graph["edges"][number]) => `${edge.file}:${edge.line}:${edge.to}`;
  const before = new Set(base.edges.filter((edge) => !changed.has(edge.file)).map(key));
  const after = new Set(head.edges.filter((edge) => !changed.has(edge.file)).map(key));
  let moved = 0;
  for (const edge of before) if (!after.has(edge)) moved++;
  for (const edge of after) if (!before.has(edge)) moved++;
  return moved;
}
