import { emptyGraph, type Edge, type ExtractionWarning, type Graph } from "../graph/graph.js";
import { moduleNodeOf, resolveFileScan } from "../languages/python/extract-python.js";
import { pythonModules } from "../languages/python/module-names.js";
import { DeadlineCheck } from "../languages/python/parse-deadline.js";
import { ParseTimeoutError } from "../languages/python/parse-timeout-error.js";
import { importScopes } from "../languages/python/python-namespaces.js";
import type { Snapshot } from "../workspace/snapshot.js";
import type { PythonScans } from "./python-scans.js";

/**
 * The Python graph of a commit, as `extractPython` builds it but from per-file scans: every file is
 * resolved again, because adding or removing a module changes what unchanged files' imports reach
 * (`from pkg import x` is `pkg.x` only while that module exists), and resolving is cheap.
 */
export async function pythonGraph(
  snapshot: Snapshot,
  paths: readonly string[],
  roots: readonly string[],
  scans: PythonScans,
): Promise<Graph> {
  if (paths.length === 0) return emptyGraph;
  const { modules, warnings, unreviewed } = pythonModules(paths, roots);
  const scanByPath = await scans.scansOf(
    snapshot,
    modules.map((module) => module.path),
  );
  const scopeOf = importScopes(modules);
  const edges: Edge[] = [];
  const fileWarnings: ExtractionWarning[] = [...warnings];
  for (const module of modules) {
    const scan = scanByPath.get(module.path) ?? { imports: [], warnings: [] };
    const result = resolveWithin(scans.maxParseMs, module.path, () =>
      resolveFileScan(scan, module.path, module, scopeOf(module.namespace), deadlineOf(scans)),
    );
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
 * Resolving is linear in a file's imports, but a file can name 100,000 of them: it shares the
 * file's `ARCHDRIFT_MAX_PARSE_MS` budget, and running past it stops the review naming the file.
 */
function deadlineOf(scans: PythonScans): DeadlineCheck | undefined {
  const limitMs = scans.maxParseMs;
  return limitMs === undefined
    ? undefined
    : new DeadlineCheck({ at: performance.now() + limitMs, limitMs });
}

function resolveWithin<T>(limitMs: number | undefined, path: string, resolve: () => T): T {
  try {
    return resolve();
  } catch (error) {
    if (limitMs !== undefined && error instanceof ParseTimeoutError)
      throw new ParseTimeoutError(limitMs, path);
    throw error;
  }
}

// The order `extractPython` gives (a stable sort by file, then line), so both builds are identical.
function byPlace<T extends { file: string; line: number }>(a: T, b: T): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}
