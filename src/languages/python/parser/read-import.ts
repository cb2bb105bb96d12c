import type { Node } from "web-tree-sitter";
import type { Suppression } from "../../../graph/graph.js";
import type { PythonEdgeKind, RawImport } from "../raw-import.js";

/** What the caller already knows about the statement: where it sits and what it looks like. */
export interface StatementFacts {
  readonly line: number;
  readonly text: string;
  readonly edgeKind: PythonEdgeKind;
  readonly suppression: Suppression | undefined;
}

/**
 * The raw imports of one `import` or `from ... import` statement: one per module for `import a, b`,
 * one for a from-import. `from __future__ import x` selects compiler features and is not an edge.
 */
export function readImport(statement: Node, facts: StatementFacts): RawImport[] {
  const common = {
    line: facts.line,
    text: facts.text,
    edgeKind: facts.edgeKind,
    ...(facts.suppression ? { suppression: facts.suppression } : {}),
  };
  if (statement.type === "import_statement") {
    return importedNames(statement)
      .filter((module) => module !== "")
      .map((module) => ({ kind: "import", module, level: 0, names: [], ...common }));
  }
  const source = fromSource(statement);
  if (!source || (source.level === 0 && source.module === "__future__")) return [];
  return [{ kind: "from", ...source, names: fromNames(statement), ...common }];
}

function fromSource(statement: Node): { module: string; level: number } | undefined {
  const moduleName = statement.childForFieldName("module_name");
  if (!moduleName) return undefined;
  if (moduleName.type !== "relative_import") return { module: dottedName(moduleName), level: 0 };
  const prefix = moduleName.namedChildren.find((child) => child?.type === "import_prefix");
  const dotted = moduleName.namedChildren.find((child) => child?.type === "dotted_name");
  return {
    module: dotted ? dottedName(dotted) : "",
    level: [...(prefix?.text ?? "")].filter((char) => char === ".").length,
  };
}

function fromNames(statement: Node): string[] {
  const star = statement.namedChildren.some((child) => child?.type === "wildcard_import");
  return star ? ["*"] : importedNames(statement).filter((name) => name !== "");
}

/** The `name` fields of a statement, with `as` aliases removed: the alias does not change the edge. */
function importedNames(statement: Node): string[] {
  return statement.childrenForFieldName("name").flatMap((name) => {
    if (!name) return [];
    const dotted = name.type === "aliased_import" ? name.childForFieldName("name") : name;
    return dotted ? [dottedName(dotted)] : [];
  });
}

/** Built from the identifiers so that line continuations and comments inside the name vanish. */
function dottedName(node: Node): string {
  if (node.type === "identifier") return node.text;
  return node.namedChildren
    .filter((child) => child?.type === "identifier")
    .map((child) => child?.text ?? "")
    .join(".");
}
