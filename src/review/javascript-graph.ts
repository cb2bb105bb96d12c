import { emptyGraph, type Edge, type ExtractionWarning, type Graph } from "../graph/graph.js";
import { extractJavaScript } from "../languages/javascript/extract-javascript.js";
import type { Snapshot } from "../workspace/snapshot.js";
import { withJavaScriptCheckout } from "./javascript-checkout.js";
import { javascriptFilesToReextract, type JavaScriptSide } from "./javascript-reextract.js";
import type { SourceFiles } from "./source-files.js";

/** The JavaScript part of a commit's graph, every file cruised. */
export async function javascriptGraph(snapshot: Snapshot, files: SourceFiles): Promise<Graph> {
  if (files.javascript.length === 0) return emptyGraph;
  return withJavaScriptCheckout(snapshot, files, (dir) =>
    extractJavaScript({ dir, files: files.javascript }),
  );
}

/**
 * The head's JavaScript graph from the base graph: only the files whose edges can have changed are
 * cruised, with the whole head tree on disk for resolution. A change to what steers resolution
 * (package.json, tsconfig) or a dependency-cruiser failure, whose fallbacks depend on which files
 * run together, means a full extraction. The result is that of a full extraction, in its order.
 */
export async function headJavaScriptGraph(
  base: JavaScriptSide & { readonly graph: Graph },
  head: JavaScriptSide,
): Promise<Graph> {
  if (head.files.javascript.length === 0) return emptyGraph;
  return withJavaScriptCheckout(head.snapshot, head.files, async (dir) => {
    const full = () => extractJavaScript({ dir, files: head.files.javascript });
    if (!incrementalPossible(base, head)) return full();
    const reextract = await javascriptFilesToReextract(dir, base, head);
    const partial = await extractJavaScript({ dir, files: head.files.javascript, reextract });
    if (partial.warnings.some(isCruiseFailure)) return full();
    return withEarlierEdges(partial, base.graph, new Set(reextract));
  });
}

function incrementalPossible(base: JavaScriptSide & { graph: Graph }, head: JavaScriptSide) {
  return (
    base.files.javascript.length > 0 &&
    sameBlobs(base, head, base.files.javascriptSupport, head.files.javascriptSupport) &&
    !base.graph.warnings.some(isCruiseFailure)
  );
}

function sameBlobs(
  base: JavaScriptSide,
  head: JavaScriptSide,
  basePaths: readonly string[],
  headPaths: readonly string[],
): boolean {
  if (basePaths.length !== headPaths.length) return false;
  const baseBlobs = new Map(base.snapshot.files.map((entry) => [entry.path, entry.sha]));
  const headBlobs = new Map(head.snapshot.files.map((entry) => [entry.path, entry.sha]));
  return headPaths.every(
    (path) => baseBlobs.has(path) && baseBlobs.get(path) === headBlobs.get(path),
  );
}

/** run-cruise's own words when it gave up on a file, the exclude patterns or the tsconfig. */
function isCruiseFailure(warning: ExtractionWarning): boolean {
  return /^(?:dependency-cruiser failed|imports found without dependency-cruiser|tsconfig not given to dependency-cruiser)/.test(
    warning.message,
  );
}

/**
 * A full extraction lists repository-level warnings first, then each file's edges and warnings in
 * file order: files not re-extracted take theirs from the base graph, in the same place.
 */
function withEarlierEdges(partial: Graph, base: Graph, reextracted: ReadonlySet<string>): Graph {
  const files = new Set(partial.modules.map((module) => module.path));
  const ofFile = (warning: ExtractionWarning) => files.has(warning.file);
  const before = { edges: byFile(base.edges), warnings: byFile(base.warnings) };
  const now = { edges: byFile(partial.edges), warnings: byFile(partial.warnings.filter(ofFile)) };
  const edges: Edge[] = [];
  const warnings = partial.warnings.filter((warning) => !ofFile(warning));
  for (const { path } of partial.modules) {
    const source = reextracted.has(path) ? now : before;
    edges.push(...(source.edges.get(path) ?? []));
    warnings.push(...(source.warnings.get(path) ?? []));
  }
  return { modules: partial.modules, edges, warnings };
}

function byFile<T extends { readonly file: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.file);
    if (group) group.push(item);
    else groups.set(item.file, [item]);
  }
  return groups;
}
