import type { ExtractionWarning, Graph } from "../graph/graph.js";
import { resolveCommit } from "../workspace/resolve-commit.js";
import { openSnapshot } from "../workspace/snapshot.js";
import type { WorkspaceLimits } from "../workspace/workspace-limits.js";
import { loadPolicy, type ConfigFile } from "./load-policy.js";
import { pythonRoots } from "./python-roots.js";
import { lazyJavaScriptScans } from "./lazy-javascript-graph.js";
import { createPythonScans } from "./python-scans.js";
import { commitGraph } from "./review-graphs.js";
import { skippedFileWarnings } from "./skipped-files.js";
import { sourceFiles } from "./source-files.js";

export interface GraphAtOptions {
  /** A config given instead of the commit's own. */
  readonly config?: ConfigFile | undefined;
  /** The bounds a review applies; past them `LimitExceededError`, too-large files skipped. */
  readonly limits?: WorkspaceLimits | undefined;
  /** Past this, one Python file's parse throws `ParseTimeoutError`. */
  readonly maxParseMs?: number | undefined;
}

export interface GraphAtCommit {
  /** Its warnings name the skipped files first. */
  readonly graph: Graph;
  /** Source files a bound or a refused path left unread: their imports are missing. */
  readonly skipped: readonly ExtractionWarning[];
}

/**
 * The whole graph at one commit, under that commit's own config (roots, languages, excludes),
 * built and bounded exactly as a review builds the graphs it judges.
 */
export async function graphAt(
  repoDir: string,
  ref: string,
  options: GraphAtOptions = {},
): Promise<GraphAtCommit> {
  const snapshot = await openSnapshot(repoDir, await resolveCommit(repoDir, ref), options.limits);
  const { policy } = await loadPolicy(options.config ?? snapshot, snapshot);
  const files = sourceFiles(snapshot.files, policy);
  const roots = await pythonRoots(policy, [{ snapshot, files }]);
  const scans = {
    python: createPythonScans(undefined, { maxParseMs: options.maxParseMs }),
    javascript: lazyJavaScriptScans(),
  };
  const graph = await commitGraph(snapshot, files, roots, scans);
  const skipped = skippedFileWarnings(snapshot, policy);
  return { graph: { ...graph, warnings: [...skipped, ...graph.warnings] }, skipped };
}
