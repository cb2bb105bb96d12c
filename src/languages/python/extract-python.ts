import type { Edge, ExtractionWarning, Graph } from "../../graph/graph.js";
import { pythonModules, type PythonModule } from "./module-names.js";
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
  const moduleIds = new Set(modules.map((module) => module.id));
  const texts = new Map(files.map((file) => [file.path, file.text]));
  const edges: Edge[] = [];
  const fileWarnings: ExtractionWarning[] = [...warnings];
  for (const module of modules) {
    const text = texts.get(module.path) ?? "";
    const result = await extractPythonFile({ path: module.path, text }, module, moduleIds);
    edges.push(...result.edges);
    fileWarnings.push(...result.warnings);
  }
  return {
    modules: modules.map((module) => ({ id: module.id, path: module.path, language: "python" })),
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
  return resolveFileScan(await scanPythonSource(file.text), file.path, module, moduleIds);
}

/** The pure second half of `extractPythonFile`, for callers that cached the scan. */
export function resolveFileScan(
  scan: FileScan,
  path: string,
  module: Pick<PythonModule, "id" | "isPackage">,
  moduleIds: ReadonlySet<string>,
): ResolvedImports {
  const resolved = resolveImports(scan.imports, module.id, module.isPackage, moduleIds, path);
  const scanWarnings = scan.warnings.map((warning) => ({ file: path, ...warning }));
  return {
    edges: resolved.edges,
    warnings: [...scanWarnings, ...resolved.warnings].sort(byPlace),
  };
}

function byPlace<T extends { file: string; line: number }>(a: T, b: T): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}
