import type { Edge, EdgeKind, ExtractionWarning } from "../../graph/graph.js";
import type { JavaScriptProject } from "./javascript-project.js";
import { resolveImport, type UnresolvedCause } from "./resolve-import.js";
import type { ImportStatement, JavaScriptScan } from "./scan-imports.js";

export interface FileEdges {
  readonly edges: readonly Edge[];
  readonly warnings: readonly ExtractionWarning[];
}

/**
 * The edges of one file, one per target and line (two imports of one module on one line are one
 * edge, of the kind that runs soonest), and its warnings: the scan's problems and each import that
 * names a file of the repository that is not there.
 */
export function buildFileEdges(
  project: JavaScriptProject,
  file: string,
  scan: JavaScriptScan,
): FileEdges {
  const warnings: ExtractionWarning[] = scan.problems.map(({ line, message }) => ({
    file,
    line,
    message,
  }));
  const edges = new Map<string, Edge>();
  for (const statement of scan.imports) {
    const resolution = resolveImport(project, file, statement.specifier);
    if (resolution.kind === "unresolved")
      warnings.push(unresolved(file, statement, resolution.cause));
    if (resolution.kind !== "internal" || resolution.target === file) continue;
    const edge = edgeFor(file, resolution.target, statement);
    const key = `${edge.to}\n${edge.line}`;
    const existing = edges.get(key);
    edges.set(key, existing ? { ...existing, kind: strongerKind(existing.kind, edge.kind) } : edge);
  }
  return { edges: [...edges.values()], warnings };
}

function edgeFor(file: string, target: string, statement: ImportStatement): Edge {
  const { line, text, kind, suppression } = statement;
  const edge = { from: file, to: target, file, line, text, kind };
  return suppression ? { ...edge, suppression } : edge;
}

const strength: Record<EdgeKind, number> = { runtime: 3, lazy: 2, dynamic: 1, "type-only": 0 };

/** Of two imports of one module on one line, the one that runs soonest decides. */
function strongerKind(left: EdgeKind, right: EdgeKind): EdgeKind {
  return strength[left] >= strength[right] ? left : right;
}

const causes: Record<UnresolvedCause, string> = {
  "missing file": "imports of files that are not in the commit",
  "outside the repository": "imports that climb out of the repository",
};

function unresolved(
  file: string,
  statement: ImportStatement,
  cause: UnresolvedCause,
): ExtractionWarning {
  return {
    file,
    line: statement.line,
    message: `cannot resolve "${statement.specifier}"`,
    cause: causes[cause],
  };
}
