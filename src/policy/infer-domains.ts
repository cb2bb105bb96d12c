import type { ModuleNode } from "../graph/graph.js";
import { isWithin, normalizeRepoPath, relativeTo } from "./normalize-repo-path.js";
import type { DomainSpec } from "./policy.js";
import { pythonRootOf } from "./python-root-of.js";

export interface InferDomainsOptions {
  /** Workspace package folders of a JavaScript monorepo (`packages/app`); each becomes a domain. */
  readonly workspaces?: readonly string[];
}

interface Candidate {
  /** Repository path of the folder. */
  readonly folder: string;
  /** A longer name for when the last segment collides: `shop.orders` or `app/orders`. */
  readonly qualified: string;
  /** The name to use instead of the folder's last segment: a service's namespace. */
  readonly name?: string;
}

/**
 * Domains for a repository whose config declares none. Python: the first level of packages under
 * each source root; a root holding a single package (`src/shop/`) is descended into, so the domains
 * are `shop`'s subpackages; with several roots (a monorepo) each root's packages are the domains.
 * JavaScript: the workspace packages when given, else the first folder level under `src/` or the
 * repository root, descended the same way. Loose top-level files belong to no domain. Domains are
 * named by their folder's last segment unless two would share a name. A service whose package name
 * another service also uses (each with its own `app`) is one domain, named by its namespace.
 */
export function inferDomains(
  modules: readonly ModuleNode[],
  options: InferDomainsOptions = {},
): DomainSpec[] {
  const candidates = [
    ...pythonCandidates(modules.filter((module) => module.language === "python")),
    ...javascriptCandidates(
      modules.filter((module) => module.language !== "python"),
      options.workspaces ?? [],
    ),
  ];
  return nameCandidates(candidates);
}

function pythonCandidates(modules: readonly ModuleNode[]): Candidate[] {
  const byRoot = new Map<string, string[]>();
  // A service that shares its package name with another (`app`) is one domain, named as in its ids.
  const services = new Map<string, Candidate>();
  for (const module of modules) {
    const root = pythonRootOf(module);
    if (root === undefined) continue;
    if (module.namespace !== undefined) {
      const name = module.namespace;
      services.set(root, { folder: root, qualified: name, name });
      continue;
    }
    const paths = byRoot.get(root) ?? [];
    paths.push(relativeTo(module.path, root));
    byRoot.set(root, paths);
  }
  const descend = byRoot.size === 1 && services.size === 0;
  const packages = [...byRoot].flatMap(([root, paths]) =>
    domainFolders(paths, descend, true).map((folder) => ({
      folder: join(root, folder),
      qualified: folder.split("/").join("."),
    })),
  );
  return [...services.values(), ...packages];
}

function javascriptCandidates(
  modules: readonly ModuleNode[],
  workspaces: readonly string[],
): Candidate[] {
  const paths = modules.map((module) => module.path);
  const packages = workspaces.flatMap((workspace) => normalizeRepoPath(workspace) ?? []);
  if (packages.length > 0) {
    return packages
      .filter((folder) => paths.some((path) => path !== folder && isWithin(path, folder)))
      .map((folder) => ({ folder, qualified: folder }));
  }
  const base = paths.some((path) => path.startsWith("src/")) ? "src" : "";
  const below = paths.filter((path) => isWithin(path, base)).map((path) => relativeTo(path, base));
  return domainFolders(below, true).map((folder) => ({
    folder: join(base, folder),
    qualified: folder,
  }));
}

/**
 * The folders (relative to the paths' common base) that become domains. A top-level folder that
 * holds most of the code is the product, not one part of it: descend into it, and on through
 * folders that only wrap one other folder (`acme/shop/` namespace packages). What sits beside it
 * (a `scripts/` folder next to the package) stays a domain of its own and does not stop the descent.
 * JavaScript descends only into a lone folder (`byMajority` false).
 */
function domainFolders(paths: readonly string[], descend: boolean, byMajority = false): string[] {
  let prefix = "";
  let level = contentsOf(paths, prefix);
  const main = descend ? mainFolder(paths, level.folders, byMajority) : undefined;
  if (main === undefined) return level.folders;
  const beside = level.folders.filter((folder) => folder !== main);
  prefix = main;
  level = contentsOf(paths, prefix);
  while (level.folders.length === 1 && !level.hasModules) {
    prefix = join(prefix, level.folders[0] ?? "");
    level = contentsOf(paths, prefix);
  }
  const inside = level.folders.length === 0 ? [prefix] : level.folders.map((f) => join(prefix, f));
  return [...inside, ...beside];
}

/** The lone top-level folder, or (`byMajority`) the one holding more than half of the modules. */
function mainFolder(
  paths: readonly string[],
  folders: readonly string[],
  byMajority: boolean,
): string | undefined {
  if (folders.length === 1) return folders[0];
  if (!byMajority) return undefined;
  const counts = folders.map((folder) => paths.filter((path) => isWithin(path, folder)).length);
  const most = Math.max(0, ...counts);
  return most * 2 > paths.length ? folders[counts.indexOf(most)] : undefined;
}

/** The subfolders directly under `prefix`, and whether it holds modules beyond its package marker. */
function contentsOf(
  paths: readonly string[],
  prefix: string,
): { folders: string[]; hasModules: boolean } {
  const folders = new Set<string>();
  let hasModules = false;
  for (const path of paths) {
    if (!isWithin(path, prefix) || path === prefix) continue;
    const rest = relativeTo(path, prefix);
    const slash = rest.indexOf("/");
    if (slash >= 0) folders.add(rest.slice(0, slash));
    else if (!/^(?:__init__\.pyi?|index\.[cm]?[jt]sx?)$/.test(rest)) hasModules = true;
  }
  return { folders: [...folders].sort(), hasModules };
}

function nameCandidates(candidates: readonly Candidate[]): DomainSpec[] {
  const unique = [
    ...new Map(candidates.map((candidate) => [candidate.folder, candidate])).values(),
  ];
  const count = (names: readonly string[], name: string) => names.filter((n) => n === name).length;
  const short = unique.map((candidate) => candidate.name ?? lastSegment(candidate.folder));
  const qualified = unique.map((candidate, index) =>
    count(short, short[index] ?? "") > 1 ? candidate.qualified : (short[index] ?? ""),
  );
  return unique
    .map((candidate, index) => {
      const name = qualified[index] ?? candidate.folder;
      return {
        name: count(qualified, name) > 1 ? candidate.folder : name,
        paths: [candidate.folder],
        interface: [],
      };
    })
    .sort((a, b) => compare(a.paths[0] ?? "", b.paths[0] ?? ""));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lastSegment(folder: string): string {
  return folder.slice(folder.lastIndexOf("/") + 1);
}

function join(base: string, rest: string): string {
  return base === "" ? rest : rest === "" ? base : `${base}/${rest}`;
}
