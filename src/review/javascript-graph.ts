import { emptyGraph, type Edge, type ExtractionWarning, type Graph } from "../graph/graph.js";
import { extractJavaScript } from "../languages/javascript/extract-javascript.js";
import {
  javascriptProject,
  type JavaScriptProject,
} from "../languages/javascript/javascript-project.js";
import type { JavaScriptScan } from "../languages/javascript/javascript-scan.js";
import type { Snapshot } from "../workspace/snapshot.js";
import { createJavaScriptScans, type JavaScriptScans } from "./javascript-scans.js";
import { javascriptFilesToReextract, type JavaScriptSide } from "./javascript-reextract.js";
import type { SourceFiles } from "./source-files.js";

/** The JavaScript part of a commit's graph, every file scanned (or its blob's scan reused). */
export async function javascriptGraph(
  snapshot: Snapshot,
  files: SourceFiles,
  scans: JavaScriptScans = createJavaScriptScans(),
): Promise<Graph> {
  if (files.javascript.length === 0) return emptyGraph;
  const project = await projectOf(snapshot, files);
  const scanned = await scans.scansOf(snapshot, files.javascript);
  return extractJavaScript({ project, files: files.javascript, scanOf: scanFrom(scanned) });
}

/**
 * The head's JavaScript graph from the base graph: only the files whose edges can have changed are
 * extracted, resolved against the whole head. A change to what steers resolution (package.json,
 * tsconfig) means a full extraction. The result is that of a full extraction, in its order.
 */
export async function headJavaScriptGraph(
  base: JavaScriptSide & { readonly graph: Graph },
  head: JavaScriptSide,
  scans: JavaScriptScans = createJavaScriptScans(),
): Promise<Graph> {
  if (head.files.javascript.length === 0) return emptyGraph;
  if (!incrementalPossible(base, head)) return javascriptGraph(head.snapshot, head.files, scans);
  const project = await projectOf(head.snapshot, head.files);
  const extract = await javascriptFilesToReextract(project, base, head);
  const scanned = await scans.scansOf(head.snapshot, extract);
  const partial = extractJavaScript({
    project,
    files: head.files.javascript,
    extract,
    scanOf: scanFrom(scanned),
  });
  return withEarlierEdges(partial, base.graph, new Set(extract));
}

/** Every path of the commit counts as existing, the files too large to read included. */
async function projectOf(snapshot: Snapshot, files: SourceFiles): Promise<JavaScriptProject> {
  const support = await snapshot.readText(files.javascriptSupport);
  const paths = [
    ...snapshot.files.map((entry) => entry.path),
    ...(snapshot.skipped ?? []).map((skipped) => skipped.path),
  ];
  return javascriptProject({ paths, modules: files.javascript, support });
}

function scanFrom(scanned: ReadonlyMap<string, JavaScriptScan>) {
  return (file: string) => scanned.get(file) ?? { imports: [], problems: [] };
}

function incrementalPossible(base: JavaScriptSide & { graph: Graph }, head: JavaScriptSide) {
  return (
    base.files.javascript.length > 0 &&
    sameBlobs(base, head, base.files.javascriptSupport, head.files.javascriptSupport)
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
    // A file can give 100,000 edges: spread as call arguments, they would overflow the stack.
    for (const edge of source.edges.get(path) ?? []) edges.push(edge);
    for (const warning of source.warnings.get(path) ?? []) warnings.push(warning);
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
