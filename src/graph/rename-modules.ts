import type { Graph, ModuleNode } from "./graph.js";

/** A file git saw move between two commits (repository-relative paths). */
export interface PathRename {
  readonly from: string;
  readonly to: string;
}

/**
 * Base module id → the id the head gives the same file, for files renamed or moved between the
 * two commits, where `sameRole` says the module kept its place in the architecture. A rename onto
 * a name the base still gives another module is left out: mapping it would merge two modules.
 */
export function moduleRenames(
  base: Graph,
  head: Graph,
  renames: readonly PathRename[],
  sameRole: (before: ModuleNode, after: ModuleNode) => boolean = () => true,
): ReadonlyMap<string, string> {
  if (renames.length === 0) return new Map();
  const baseModuleAt = modulesByPath(base.modules);
  const headModuleAt = modulesByPath(head.modules);
  const mapped = new Map<string, string>();
  for (const rename of renames) {
    const from = baseModuleAt.get(rename.from);
    const to = headModuleAt.get(rename.to);
    if (from && to && from.id !== to.id && sameRole(from, to)) mapped.set(from.id, to.id);
  }
  const baseIds = new Set(base.modules.map((module) => module.id));
  const taken = new Set<string>();
  for (const [from, to] of mapped) {
    const clashes = (baseIds.has(to) && !mapped.has(to)) || taken.has(to);
    if (clashes) mapped.delete(from);
    else taken.add(to);
  }
  return mapped;
}

/**
 * The graph with modules renamed (`moduleRenames`): the base as the head names it, so that a
 * module that only moved is the same module, its imports the same imports, and a cycle whose
 * members were only renamed the same cycle. Paths, files and lines stay the base's.
 */
export function renameModules(graph: Graph, renames: ReadonlyMap<string, string>): Graph {
  if (renames.size === 0) return graph;
  const nameOf = (id: string): string => renames.get(id) ?? id;
  return {
    ...graph,
    modules: graph.modules.map((module) =>
      renames.has(module.id) ? { ...module, id: nameOf(module.id) } : module,
    ),
    edges: graph.edges.map((edge) =>
      renames.has(edge.from) || renames.has(edge.to)
        ? { ...edge, from: nameOf(edge.from), to: nameOf(edge.to) }
        : edge,
    ),
  };
}

function modulesByPath(modules: readonly ModuleNode[]): Map<string, ModuleNode> {
  return new Map(modules.map((module) => [module.path, module]));
}
