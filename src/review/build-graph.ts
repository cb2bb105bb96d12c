import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emptyGraph, mergeGraphs, type Graph } from "../graph/graph.js";
import { extractJavaScript } from "../languages/javascript/extract-javascript.js";
import { extractPython } from "../languages/python/extract-python.js";
import type { Snapshot } from "../workspace/snapshot.js";
import type { SourceFiles } from "./source-files.js";

/** The whole graph of one commit, every language together. */
export async function buildGraph(
  snapshot: Snapshot,
  files: SourceFiles,
  pythonRoots: readonly string[],
): Promise<Graph> {
  const graphs = await Promise.all([
    pythonGraph(snapshot, files, pythonRoots),
    javascriptGraph(snapshot, files),
  ]);
  return mergeGraphs(graphs);
}

async function pythonGraph(
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

/** dependency-cruiser reads a file system, so the files it needs are written to a private folder. */
async function javascriptGraph(snapshot: Snapshot, files: SourceFiles): Promise<Graph> {
  if (files.javascript.length === 0) return emptyGraph;
  const dir = await mkdtemp(join(tmpdir(), "archdrift-js-"));
  try {
    await snapshot.materialize([...files.javascript, ...files.javascriptSupport], dir);
    return await extractJavaScript({ dir, files: files.javascript });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
