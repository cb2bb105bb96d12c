import type { Classifier } from "../drift/classifier.js";
import type { Graph, ModuleNode } from "../graph/graph.js";
import { moduleRenames, renameModules } from "../graph/rename-modules.js";
import type { Policy } from "../policy/policy.js";
import { renamedPaths } from "../workspace/renamed-paths.js";

/**
 * The base graph under the head's names for files git sees renamed or moved, so that a rename is
 * not drift: a module that only moved is not a newcomer to its cycle, nor its imports new ones.
 * A move that changes the module's place in the policy (another layer, into or out of a domain's
 * interface, under a forbidden rule's pattern, into another existing domain) stays a deletion and
 * an addition: its imports are new where it now stands, and the rules judge them.
 */
export async function renamedBase(
  repoDir: string,
  commits: { readonly base: string; readonly head: string },
  graphs: { readonly base: Graph; readonly head: Graph },
  judged: { readonly policy: Policy; readonly classify: Classifier },
): Promise<Graph> {
  if (graphs.base.modules.length === 0) return graphs.base;
  const renames = await renamedPaths(repoDir, commits.base, commits.head);
  if (renames.length === 0) return graphs.base;
  const sameRole = sameRoleIn(graphs, judged);
  return renameModules(graphs.base, moduleRenames(graphs.base, graphs.head, renames, sameRole));
}

function sameRoleIn(
  graphs: { readonly base: Graph; readonly head: Graph },
  { policy, classify }: { readonly policy: Policy; readonly classify: Classifier },
): (before: ModuleNode, after: ModuleNode) => boolean {
  const domainsOf = (graph: Graph) =>
    new Set(graph.modules.map((module) => classify.domainOf(module)));
  const baseDomains = domainsOf(graphs.base);
  const headDomains = domainsOf(graphs.head);
  // A domain whose folder was renamed (gone at head, its new name absent at base) is the same domain.
  const sameDomain = (before: string | undefined, after: string | undefined): boolean =>
    before === after ||
    (before !== undefined &&
      after !== undefined &&
      !headDomains.has(before) &&
      !baseDomains.has(after));
  const forbiddenSides = (path: string): string =>
    policy.forbidden
      .map((rule) => `${classify.matches(path, rule.from)}${classify.matches(path, rule.to)}`)
      .join();
  return (before, after) =>
    sameDomain(classify.domainOf(before), classify.domainOf(after)) &&
    classify.layerOf(before)?.name === classify.layerOf(after)?.name &&
    classify.isInternal(before) === classify.isInternal(after) &&
    forbiddenSides(before.path) === forbiddenSides(after.path);
}
