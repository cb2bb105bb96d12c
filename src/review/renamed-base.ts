import { moduleRenames, renameModules } from "../graph/rename-modules.js";
import type { Graph } from "../graph/graph.js";
import { renamedPaths } from "../workspace/renamed-paths.js";

/**
 * The base graph under the head's names for files git sees renamed or moved, so that a rename is
 * not drift: a module that only moved is not a newcomer to its cycle, nor its imports new ones.
 */
export async function renamedBase(
  repoDir: string,
  commits: { readonly base: string; readonly head: string },
  graphs: { readonly base: Graph; readonly head: Graph },
): Promise<Graph> {
  if (graphs.base.modules.length === 0) return graphs.base;
  const renames = await renamedPaths(repoDir, commits.base, commits.head);
  return renameModules(graphs.base, moduleRenames(graphs.base, graphs.head, renames));
}
