import { emptyGraph, type Graph } from "../graph/graph.js";
import type { Snapshot } from "../workspace/snapshot.js";
import type { JavaScriptSide } from "./javascript-reextract.js";
import type { JavaScriptScans } from "./javascript-scans.js";
import type { SourceFiles } from "./source-files.js";

/*
 * The JS/TS extractor brings TypeScript's parser, which takes longer to load (about half a second)
 * than a small Python review takes to run: `javascript-graph.ts` and `javascript-scans.ts` are
 * imported only for a commit that has JavaScript or TypeScript to extract.
 */

/** A review's JS/TS scans, created (and their parser loaded) on first use. */
export type LazyJavaScriptScans = () => Promise<JavaScriptScans>;

export function lazyJavaScriptScans(signal?: AbortSignal): LazyJavaScriptScans {
  let scans: Promise<JavaScriptScans> | undefined;
  return () =>
    (scans ??= import("./javascript-scans.js").then(({ createJavaScriptScans }) =>
      createJavaScriptScans(signal),
    ));
}

/** `javascriptGraph`, loaded on first use. */
export async function javascriptGraphOf(
  snapshot: Snapshot,
  files: SourceFiles,
  scans: LazyJavaScriptScans,
): Promise<Graph> {
  if (files.javascript.length === 0) return emptyGraph;
  const { javascriptGraph } = await import("./javascript-graph.js");
  return javascriptGraph(snapshot, files, await scans());
}

/** `headJavaScriptGraph`, loaded on first use. */
export async function headJavaScriptGraphOf(
  base: JavaScriptSide & { readonly graph: Graph },
  head: JavaScriptSide,
  scans: LazyJavaScriptScans,
): Promise<Graph> {
  if (head.files.javascript.length === 0) return emptyGraph;
  const { headJavaScriptGraph } = await import("./javascript-graph.js");
  return headJavaScriptGraph(base, head, await scans());
}
