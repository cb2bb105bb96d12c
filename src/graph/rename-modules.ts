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
  for (const rename of withFolderMoves(renames, baseModuleAt, headModuleAt)) {
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

/**
 * Git pairs files of identical content arbitrarily, and the empty `__init__.py` files of several
 * moved packages are identical: it may "rename" one package's `__init__.py` into another package's
 * folder, or see none. Where the other files of a folder moved to one new folder, the folder's
 * modules follow them: a pairing elsewhere is corrected, and a module deleted from the old folder
 * whose name appears, new, in the new folder is taken as moved.
 */
function withFolderMoves(
  renames: readonly PathRename[],
  baseModuleAt: ReadonlyMap<string, ModuleNode>,
  headModuleAt: ReadonlyMap<string, ModuleNode>,
): PathRename[] {
  const moves = folderMoves(renames);
  if (moves.size === 0) return [...renames];
  const movedTo = (path: string): string | undefined => {
    const folder = moves.get(folderOf(path));
    if (folder === undefined) return undefined;
    return folder === "" ? baseNameOf(path) : `${folder}/${baseNameOf(path)}`;
  };
  const corrected = renames.map((rename) => {
    const to = movedTo(rename.from);
    return to !== undefined && to !== rename.to && headModuleAt.has(to)
      ? { from: rename.from, to }
      : rename;
  });
  const renamedFrom = new Set(corrected.map((rename) => rename.from));
  for (const path of baseModuleAt.keys()) {
    if (headModuleAt.has(path) || renamedFrom.has(path)) continue;
    const to = movedTo(path);
    if (to !== undefined && headModuleAt.has(to) && !baseModuleAt.has(to))
      corrected.push({ from: path, to });
  }
  return corrected;
}

/** Old folder → the one new folder its files (other than `__init__.py`) moved to, keeping names. */
function folderMoves(renames: readonly PathRename[]): Map<string, string> {
  const targets = new Map<string, Set<string>>();
  for (const { from, to } of renames) {
    const name = baseNameOf(from);
    if (name !== baseNameOf(to) || name === "__init__.py") continue;
    const folder = folderOf(from);
    const seen = targets.get(folder) ?? new Set<string>();
    seen.add(folderOf(to));
    targets.set(folder, seen);
  }
  const moves = new Map<string, string>();
  for (const [folder, seen] of targets) {
    const [only] = seen;
    if (seen.size === 1 && only !== undefined && only !== folder) moves.set(folder, only);
  }
  return moves;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

function baseNameOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
