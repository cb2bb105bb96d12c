import type { IDependency } from "dependency-cruiser";
import type { Edge, EdgeKind, ExtractionWarning } from "../../graph/graph.js";
import { cruisedAsTypeOnly, cruisedKind, strongerKind } from "./edge-kind.js";
import { findSuppression } from "./find-suppression.js";
import { resolveImport, type ResolveContext } from "./resolve-import.js";
import { scanImports, type ImportStatement } from "./scan-imports.js";
import { suppressionWarnings } from "./suppression-warnings.js";

export interface FileEdges {
  readonly edges: readonly Edge[];
  readonly warnings: readonly ExtractionWarning[];
}

/**
 * The edges of one file: one per import statement (dependency-cruiser merges repeated imports of a
 * module, and knows no lines), resolved with dependency-cruiser's answer for the same specifier.
 */
export function buildFileEdges(
  context: ResolveContext,
  file: string,
  source: string,
  cruised: readonly IDependency[],
): FileEdges {
  const scanned = scanImports(file, source);
  const lines = source.split(/\r?\n/);
  const warnings = suppressionWarnings(file, lines);
  if (scanned.syntaxError) {
    const { line, message } = scanned.syntaxError;
    warnings.push({
      file,
      line,
      message: `syntax error, imports around it still count: ${message}`,
    });
  }
  const bySpecifier = groupBySpecifier(cruised);
  const edges = new Map<string, Edge>();
  const add = (edge: Edge) => {
    const key = `${edge.to}\n${edge.line}`;
    const existing = edges.get(key);
    edges.set(key, existing ? { ...existing, kind: strongerKind(existing.kind, edge.kind) } : edge);
  };
  for (const statement of scanned.imports) {
    const matching = bySpecifier.get(statement.specifier) ?? [];
    const resolution = resolveImport(context, file, statement.specifier, matching[0]);
    if (resolution.kind === "unresolved") warnings.push(unresolved(file, statement));
    if (resolution.kind !== "internal" || resolution.target === file) continue;
    add(edgeFor(file, resolution.target, statement, kindOf(statement, matching), lines));
  }
  const seen = new Set(scanned.imports.map((statement) => statement.specifier));
  for (const dependency of cruised.filter((candidate) => !seen.has(candidate.module))) {
    const resolution = resolveImport(context, file, dependency.module, dependency);
    if (resolution.kind !== "internal" || resolution.target === file) continue;
    add(
      edgeFor(file, resolution.target, located(dependency, lines), cruisedKind(dependency), lines),
    );
  }
  return { edges: [...edges.values()], warnings };
}

function groupBySpecifier(cruised: readonly IDependency[]): Map<string, IDependency[]> {
  const groups = new Map<string, IDependency[]>();
  for (const dependency of cruised) {
    const group = groups.get(dependency.module);
    if (group) group.push(dependency);
    else groups.set(dependency.module, [dependency]);
  }
  return groups;
}

function kindOf(statement: ImportStatement, cruised: readonly IDependency[]): EdgeKind {
  return statement.kind === "runtime" && cruisedAsTypeOnly(cruised) ? "type-only" : statement.kind;
}

function edgeFor(
  file: string,
  target: string,
  statement: Pick<ImportStatement, "line" | "text">,
  kind: EdgeKind,
  lines: readonly string[],
): Edge {
  const edge = { from: file, to: target, file, line: statement.line, text: statement.text, kind };
  const suppression = findSuppression(lines, statement.line);
  return suppression ? { ...edge, suppression } : edge;
}

/**
 * A dependency our scan did not see (a form dependency-cruiser knows and we do not): placed on the
 * first line that quotes its specifier, so it still has a line to annotate.
 */
function located(dependency: IDependency, lines: readonly string[]): Pick<Edge, "line" | "text"> {
  const quoted = ['"', "'", "`"].map((quote) => `${quote}${dependency.module}${quote}`);
  const index = lines.findIndex((line) => quoted.some((text) => line.includes(text)));
  const line = index < 0 ? 1 : index + 1;
  return { line, text: (lines[line - 1] ?? dependency.module).trim().slice(0, 200) };
}

function unresolved(file: string, statement: ImportStatement): ExtractionWarning {
  return { file, line: statement.line, message: `cannot resolve "${statement.specifier}"` };
}
