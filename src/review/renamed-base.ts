import type { Classifier } from "../drift/classifier.js";
import { bySeverity, evaluateDrift } from "../drift/evaluate-drift.js";
import type { Finding } from "../drift/finding.js";
import type { Graph, ModuleNode } from "../graph/graph.js";
import { moduleRenames, renameModules } from "../graph/rename-modules.js";
import type { Policy } from "../policy/policy.js";
import { renamedPaths } from "../workspace/renamed-paths.js";

/** The base graph under the head's names, two ways (see `renamedBases`). */
export interface RenamedBases {
  /** Every module git saw move takes its new name: what a module is, for cycles and fan-out. */
  readonly byName: Graph;
  /**
   * Only modules whose move kept their place in the policy are renamed; one that moved into
   * another layer, another existing domain, into or out of a domain's interface or under a
   * forbidden rule's pattern stays a deletion and an addition, so its imports are judged where it
   * now stands.
   */
  readonly byPlace: Graph;
}

/**
 * The base graph under the head's names for files git sees renamed or moved, so that a rename is
 * not drift: a module that only moved is not a newcomer to its cycle, nor its imports new ones.
 */
export async function renamedBases(
  repoDir: string,
  commits: { readonly base: string; readonly head: string },
  graphs: { readonly base: Graph; readonly head: Graph },
  judged: { readonly policy: Policy; readonly classify: Classifier },
): Promise<RenamedBases> {
  const unchanged = { byName: graphs.base, byPlace: graphs.base };
  if (graphs.base.modules.length === 0) return unchanged;
  const renames = await renamedPaths(repoDir, commits.base, commits.head);
  if (renames.length === 0) return unchanged;
  const byName = moduleRenames(graphs.base, graphs.head, renames);
  const byPlace = moduleRenames(graphs.base, graphs.head, renames, sameRoleIn(graphs, judged));
  const named = renameModules(graphs.base, byName);
  return {
    byName: named,
    byPlace: byPlace.size === byName.size ? named : renameModules(graphs.base, byPlace),
  };
}

/** Rules about what a module is, judged on `byName`; every other rule is about where it stands. */
const identityRules: ReadonlySet<string> = new Set([
  "new-cycle",
  "grown-cycle",
  "cycle-broken",
  "coupling-growth",
]);

/** `evaluateDrift` over the renamed base: identity rules by name, the rest by place. */
export function driftAfterRenames(
  bases: RenamedBases,
  head: Graph,
  { policy, classify }: { readonly policy: Policy; readonly classify: Classifier },
): Finding[] {
  const byName = evaluateDrift(bases.byName, head, policy, classify);
  if (bases.byPlace === bases.byName) return byName;
  const byPlace = evaluateDrift(bases.byPlace, head, policy, classify);
  return [
    ...byName.filter((finding) => identityRules.has(finding.rule)),
    ...byPlace.filter((finding) => !identityRules.has(finding.rule)),
  ].sort(bySeverity);
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
