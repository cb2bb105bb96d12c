import { namespacedId, type ExtractionWarning, type UnreviewedFile } from "../../graph/graph.js";
import { rootNamespaces } from "./python-namespaces.js";

/** A Python module backed by a file: `shop/orders/__init__.py` is the package `shop.orders`. */
export interface PythonModule {
  /** The dotted name, with its namespace in front when it has one (see `ModuleNode.id`). */
  readonly id: string;
  readonly path: string;
  readonly isPackage: boolean;
  /** The service namespace of its root, when two services define the same top-level package. */
  readonly namespace?: string;
}

export interface PythonModules {
  /** Sorted by id; one file per id. */
  readonly modules: readonly PythonModule[];
  readonly warnings: readonly ExtractionWarning[];
  /** Python files given that are no module, with the reason (see `Graph.unreviewed`). */
  readonly unreviewed: readonly UnreviewedFile[];
}

/** Why a Python file is not a module: the reasons reports group by. */
export const notAModule = {
  outsideRoots: "outside every Python source root",
  notImportable: "its path is not an importable module name",
  rootInit: "the __init__.py of a source root (a folder on sys.path, not a package)",
  shadowed: "another file defines the same module, and Python imports that one",
  stub: "a .pyi stub beside the module's source",
} as const;

const sourceFile = /^(.*)\.(py|pyi)$/;
// Python identifiers (PEP 3131, close enough): a name that is not one can never be imported.
const identifier = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;
/**
 * Files the framework or a shell runs by path, never imported by name: Django's `0001_initial.py`
 * (`0020_add-verbose-name.py`), Alembic revisions, scripts like `get-translator-credits.py`. They
 * import the application, so they are reviewed as modules of their package under their file's
 * name, which no importable module can take (it starts with a digit or holds a hyphen); since
 * nothing imports them, they can never close a cycle.
 */
const runByPath =
  /^[\p{L}\p{Nl}\p{Nd}_](?:[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]|-(?=[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]))*$/u;

/**
 * The dotted module name of a repository-relative file under the given source roots (folders,
 * "" or "." for the repository root), or undefined when the file is under no root, is not Python,
 * or has a path segment that is not an identifier (`my.script.py`, `.github/x.py`): nothing can
 * import those, and no name can be given to them that no module could take. A file named like a
 * migration (`0001_initial.py`) or a script (`get-credits.py`) is the exception: it is named as is. The deepest root containing the file wins. Folders need no `__init__.py` (PEP 420).
 */
export function moduleNameOf(
  path: string,
  roots: readonly string[],
): Omit<PythonModule, "path"> | undefined {
  const named = nameOrReason(path, roots);
  return "reason" in named ? undefined : { id: named.id, isPackage: named.isPackage };
}

/** `moduleNameOf`, or why the file is no module (undefined reason: not a Python file). */
function nameOrReason(
  path: string,
  roots: readonly string[],
): { id: string; isPackage: boolean; root: string } | { reason: string | undefined } {
  const normalised = normalisePath(path);
  const root = deepestRoot(normalised, roots);
  if (root === undefined) return { reason: notAModule.outsideRoots };
  const match = sourceFile.exec(root === "" ? normalised : normalised.slice(root.length + 1));
  if (!match?.[1]) return { reason: undefined };
  const segments = match[1].split("/");
  const isPackage = segments.at(-1) === "__init__";
  if (isPackage) segments.pop();
  // The root's own __init__.py would be a module with no name: the root is a folder on sys.path.
  if (segments.length === 0) return { reason: notAModule.rootInit };
  const last = segments.length - 1;
  const importable = (segment: string, index: number) =>
    identifier.test(segment) || (index === last && !isPackage && runByPath.test(segment));
  if (!segments.every(importable)) return { reason: notAModule.notImportable };
  return { id: segments.join("."), isPackage, root };
}

/**
 * The modules of a file list. When several files claim one id, Python's own choice wins: a `.py`
 * over its `.pyi` stub, a package folder over a same-named module, then the earlier root (sys.path
 * order). Two real files claiming one id are reported, stubs shadowed by their source are not.
 */
export function pythonModules(paths: readonly string[], roots: readonly string[]): PythonModules {
  const unreviewed: UnreviewedFile[] = [];
  const named: { path: string; id: string; isPackage: boolean; root: string }[] = [];
  for (const path of paths) {
    const name = nameOrReason(path, roots);
    if (!("reason" in name)) named.push({ path, ...name });
    else if (name.reason !== undefined) unreviewed.push({ file: path, reason: name.reason });
  }
  const namespaces = rootNamespaces(topLevelPackages(named));
  const claims = new Map<string, Claim[]>();
  for (const { path, id: name, isPackage, root } of named) {
    const namespace = namespaces.get(root);
    const id = namespacedId(namespace, name);
    const claim = { id, path, isPackage, rank: rankOf(path, isPackage, roots) };
    const withNamespace = namespace === undefined ? claim : { ...claim, namespace };
    claims.set(id, [...(claims.get(id) ?? []), withNamespace]);
  }
  const modules: PythonModule[] = [];
  const warnings: ExtractionWarning[] = [];
  for (const [id, candidates] of claims) {
    const [winner, ...losers] = candidates.sort(byRank);
    if (!winner) continue;
    const { path, isPackage, namespace } = winner;
    modules.push(
      namespace === undefined ? { id, path, isPackage } : { id, path, isPackage, namespace },
    );
    for (const loser of losers) {
      const stub = isStub(loser.path) && !isStub(winner.path);
      unreviewed.push({ file: loser.path, reason: stub ? notAModule.stub : notAModule.shadowed });
      if (stub) continue;
      warnings.push({
        file: loser.path,
        line: 1,
        message: `module ${id} is also defined by ${winner.path}, which Python imports instead`,
      });
    }
  }
  return {
    modules: modules.sort((a, b) => compare(a.id, b.id)),
    warnings,
    unreviewed: unreviewed.sort((a, b) => compare(a.file, b.file)),
  };
}

/** Each root's top-level package and module names: where two services can collide. */
function topLevelPackages(
  named: readonly { id: string; root: string }[],
): Map<string, Set<string>> {
  const byRoot = new Map<string, Set<string>>();
  for (const { id, root } of named) {
    const names = byRoot.get(root) ?? new Set<string>();
    names.add(id.split(".")[0] ?? id);
    byRoot.set(root, names);
  }
  return byRoot;
}

interface Claim extends PythonModule {
  readonly rank: readonly number[];
}

function rankOf(path: string, isPackage: boolean, roots: readonly string[]): number[] {
  const root = deepestRoot(normalisePath(path), roots) ?? "";
  const rootOrder = roots.map(normaliseRoot).indexOf(root);
  return [isStub(path) ? 1 : 0, isPackage ? 0 : 1, rootOrder];
}

function byRank(a: Claim, b: Claim): number {
  for (let i = 0; i < a.rank.length; i++) {
    const difference = (a.rank[i] ?? 0) - (b.rank[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return compare(a.path, b.path);
}

function deepestRoot(path: string, roots: readonly string[]): string | undefined {
  return roots
    .map(normaliseRoot)
    .filter((root) => root === "" || path.startsWith(`${root}/`))
    .sort((a, b) => b.length - a.length)[0];
}

function normaliseRoot(root: string): string {
  const path = normalisePath(root).replace(/\/+$/, "");
  return path === "." ? "" : path;
}

function normalisePath(path: string): string {
  return path.replaceAll("\\", "/").replace(/^(\.\/)+/, "");
}

function isStub(path: string): boolean {
  return path.endsWith(".pyi");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
