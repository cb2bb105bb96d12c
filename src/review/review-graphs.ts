import { emptyGraph, mergeGraphs, type Graph } from "../graph/graph.js";
import type { Policy } from "../policy/policy.js";
import type { Snapshot } from "../workspace/snapshot.js";
import type { CachedBase, GraphCache } from "./graph-cache.js";
import { graphCacheKey, type GraphCacheKey } from "./graph-cache-key.js";
import {
  headJavaScriptGraphOf,
  javascriptGraphOf,
  lazyJavaScriptScans,
  type LazyJavaScriptScans,
} from "./lazy-javascript-graph.js";
import { pythonGraph } from "./python-graph.js";
import { pythonRoots } from "./python-roots.js";
import { createPythonScans, type PythonScans, type ScanBounds } from "./python-scans.js";
import { sourceFiles, type SourceFiles } from "./source-files.js";
import { workspaceFolders } from "./workspace-folders.js";

export interface GraphSources {
  readonly cache?: GraphCache | undefined;
  /** Names the repository in cache keys. */
  readonly repoId: string;
  /** How long one Python file's parse may take, and the review's cancellation. */
  readonly bounds?: ScanBounds;
}

export interface ReviewGraphs {
  readonly base: Graph;
  readonly head: Graph;
  /** Package folders of a JS/TS workspace at base or head (see `workspaceFolders`). */
  readonly workspaces: readonly string[];
}

/**
 * Both graphs of a review. The base comes from the cache when it can; the head is the base with
 * only what changed extracted again: Python files are parsed only for blobs not seen before (then
 * all are resolved again), JavaScript files are extracted only where edges can have changed, and
 * parsed only for blobs the base did not already parse.
 */
export async function reviewGraphs(
  base: Snapshot,
  head: Snapshot,
  policy: Policy,
  sources: GraphSources,
): Promise<ReviewGraphs> {
  const baseFiles = sourceFiles(base.files, policy);
  const headFiles = sourceFiles(head.files, policy);
  const roots = await pythonRoots(policy, [
    { snapshot: base, files: baseFiles },
    { snapshot: head, files: headFiles },
  ]);
  const key = graphCacheKey(sources.repoId, base.sha, policy, roots);
  const cache = base.files.length === 0 ? undefined : sources.cache;
  // Someone else's cache may throw; a cache never fails a review.
  const cached = await cache?.get(key).catch(() => undefined);
  const seed = cached?.scans ?? (await cache?.nearestScans?.(key).catch(() => undefined));
  const scans: ReviewScans = {
    python: createPythonScans(seed, sources.bounds),
    javascript: lazyJavaScriptScans(sources.bounds?.signal),
  };
  const baseGraph =
    cached?.graph ?? (await builtBaseGraph(base, baseFiles, roots, scans, { cache, key }));
  const [python, javascript] = await Promise.all([
    pythonGraph(head, headFiles.python, roots, scans.python),
    headJavaScriptGraphOf(
      { snapshot: base, files: baseFiles, graph: baseGraph },
      { snapshot: head, files: headFiles },
      scans.javascript,
    ),
  ]);
  const workspaces = await workspaceFolders([
    { snapshot: base, files: baseFiles },
    { snapshot: head, files: headFiles },
  ]);
  return { base: baseGraph, head: mergeGraphs([python, javascript]), workspaces };
}

/** The base graph extracted, then stored with its scans for the next review of this base. */
async function builtBaseGraph(
  base: Snapshot,
  files: SourceFiles,
  roots: readonly string[],
  scans: ReviewScans,
  { cache, key }: { cache: GraphCache | undefined; key: GraphCacheKey },
): Promise<Graph> {
  if (base.files.length === 0) return emptyGraph;
  const graph = await commitGraph(base, files, roots, scans);
  const pack: CachedBase = { graph, scans: scans.python.byBlob(base, files.python) };
  await cache?.set(key, pack).catch(() => undefined);
  return graph;
}

/** Per-file scans of one review or graph, by language: each blob is parsed at most once. */
export interface ReviewScans {
  readonly python: PythonScans;
  readonly javascript: LazyJavaScriptScans;
}

/** The whole graph of one commit as a review builds it: what `archdrift graph` shows too. */
export async function commitGraph(
  snapshot: Snapshot,
  files: SourceFiles,
  roots: readonly string[],
  scans: ReviewScans,
): Promise<Graph> {
  const graphs = await Promise.all([
    pythonGraph(snapshot, files.python, roots, scans.python),
    javascriptGraphOf(snapshot, files, scans.javascript),
  ]);
  return mergeGraphs(graphs);
}
