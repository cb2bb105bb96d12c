import { emptyGraph, mergeGraphs, type Graph } from "../graph/graph.js";
import { extractPython } from "../languages/python/extract-python.js";
import type { Snapshot } from "../workspace/snapshot.js";
import { javascriptGraphOf, lazyJavaScriptScans } from "./lazy-javascript-graph.js";
import type { SourceFiles } from "./source-files.js";

/**
 * The whole graph of one commit, every language extracted from scratch: the reference the
 * incremental head graph is tested against (Python through `extractPython` itself, not the
 * review's per-blob scans, which `archdrift graph` uses).
 */
export async function buildGraph(
  snapshot: Snapshot,
  files: SourceFiles,
  pythonRoots: readonly string[],
): Promise<Graph> {
  const graphs = await Promise.all([
    extractedPythonGraph(snapshot, files, pythonRoots),
    javascriptGraphOf(snapshot, files, lazyJavaScriptScans()),
  ]);
  return mergeGraphs(graphs);
}

async function extractedPythonGraph(
  snapshot: Snapshot,
  files: SourceFiles,
  roots: readonly string[],
): Promise<Graph> {
  if (files.python.length === 0) return emptyGraph;
  const texts = await snapshot.readText(files.python);
  return extractPython(
    [...texts].map(([path, text]) => ({ path, text })),
    roots,
  );
}
