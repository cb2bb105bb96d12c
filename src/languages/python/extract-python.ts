import {
  moduleName,
  type Edge,
  type ExtractionWarning,
  type Graph,
  type ModuleNode,
} from "../../graph/graph.js";
import { pythonModules, type PythonModule } from "./module-names.js";
import type { DeadlineCheck } from "./parse-deadline.js";
import { importScopes, type ImportScope } from "./python-namespaces.js";
import type { FileScan } from "./raw-import.js";
import { resolveImports, type ResolvedImports } from "./resolve-imports.js";
import { scanPythonSource } from "./scan-python-source.js";

export interface PythonSourceFile {
  /** Repository-relative, with `/` separators. */
  readonly path: string;
  readonly text: string;
}

/**
 * The Python part of a repository's graph. Files under no root, or that Python could not import,
 * are not modules; a `.pyi` stub counts only when its `.py` is absent.
 */
export async function extractPython(
  files: readonly PythonSourceFile[],
  roots: readonly string[],
): Promise<Graph> {
  const { modules, warnings, unreviewed } = pythonModules(
    files.map((file) => file.path),
    roots,
  );
  const scopeOf = importScopes(modules);
  const texts = new Map(files.map((file) => [file.path, file.text]));
  const edges: Edge[] = [];
  const fileWarnings: ExtractionWarning[] = [...warnings];
  for (const module of modules) {
    const text = texts.get(module.path) ?? "";
    const scan = await scanPythonSource(text);
    const result = resolveFileScan(scan, module.path, module, scopeOf(module.namespace));
    // A file can give 100,000 edges: spread as call arguments, they would overflow the stack.
    for (const edge of result.edges) edges.push(edge);
    for (const warning of result.warnings) fileWarnings.push(warning);
  }
  return {
    modules: modules.map(moduleNodeOf),
    edges: edges.sort(byPlace),
    warnings: fileWarnings.sort(byPlace),
    ...(unreviewed.length > 0 ? { unreviewed } : {}),
  };
}

/**
 * The edges and warnings of one file against a known module set: what an incremental run calls for
 * each changed file, reusing the base graph's modules (recomputed with `pythonModules` when files
 * were added, removed or renamed, since that can change what other files' imports resolve to).
 */
export async function extractPythonFile(
  file: PythonSourceFile,
  module: Pick<PythonModule, "id" | "isPackage">,
  moduleIds: ReadonlySet<string>,
): Promise<ResolvedImports> {
  return resolveFileScan(await scanPythonSource(file.text), file.path, module, {
    names: moduleIds,
  });
}

/**
 * The pure second half of `extractPythonFile`, for callers that cached the scan: imports resolve by
 * dotted name among the modules `scope` reaches (see `importScopes`), edges join module ids.
 */
export function resolveFileScan(
  scan: FileScan,
  path: string,
  module: Pick<PythonModule, "id" | "isPackage" | "namespace">,
  scope: ImportScope,
  deadline?: DeadlineCheck,
): ResolvedImports {
  const name = moduleName(module);
  const resolved = resolveImports(
    scan.imports,
    name,
    module.isPackage,
    scope.names,
    path,
    deadline,
  );
  const idOf = scope.idOf;
  const edges =
    idOf === undefined
      ? resolved.edges
      : resolved.edges.map((edge) => ({ ...edge, from: module.id, to: idOf(edge.to) }));
  const scanWarnings = scan.warnings.map((warning) => ({ file: path, ...warning }));
  return { edges, warnings: [...scanWarnings, ...resolved.warnings].sort(byPlace) };
}

/** The graph's node of a Python module: the namespace only where it is set. */
export function moduleNodeOf(module: PythonModule): ModuleNode {
  const node: ModuleNode = { id: module.id, path: module.path, language: "python" };
  return module.namespace === undefined ? node : { ...node, namespace: module.namespace };
}

function byPlace<T extends { file: string; line: number }>(a: T, b: T): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}
