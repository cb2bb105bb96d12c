import type { Graph } from "../graph/graph.js";
import { resolveCommit } from "../workspace/resolve-commit.js";
import { openSnapshot } from "../workspace/snapshot.js";
import { buildGraph } from "./build-graph.js";
import { loadPolicy, type ConfigFile } from "./load-policy.js";
import { pythonRoots } from "./python-roots.js";
import { sourceFiles } from "./source-files.js";

/** The whole graph at one commit, under that commit's own config (roots, languages, excludes). */
export async function graphAt(repoDir: string, ref: string, config?: ConfigFile): Promise<Graph> {
  const snapshot = await openSnapshot(repoDir, await resolveCommit(repoDir, ref));
  const { policy } = await loadPolicy(config ?? snapshot, snapshot);
  const files = sourceFiles(snapshot.files, policy);
  const roots = await pythonRoots(policy, [{ snapshot, files }]);
  return buildGraph(snapshot, files, roots);
}
