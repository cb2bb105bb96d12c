import type { Node, TreeCursor } from "web-tree-sitter";
import type { Suppression } from "../../../graph/graph.js";
import type { DeadlineCheck } from "../parse-deadline.js";
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
export function readImport(
  statement: Node,
  facts: StatementFacts,
  deadline?: DeadlineCheck,
): RawImport[] {
  const common = {
    line: facts.line,
    text: facts.text,
    edgeKind: facts.edgeKind,
    ...(facts.suppression ? { suppression: facts.suppression } : {}),
  };
  if (statement.type === "import_statement") {
    return importedNames(statement, deadline)
      .filter((module) => module !== "")
      .map((module) => ({ kind: "import", module, level: 0, names: [], ...common }));
  }
  const source = fromSource(statement);
  if (!source || (source.level === 0 && source.module === "__future__")) return [];
  return [{ kind: "from", ...source, names: fromNames(statement, deadline), ...common }];
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

function fromNames(statement: Node, deadline: DeadlineCheck | undefined): string[] {
  const star = statement.namedChildren.some((child) => child?.type === "wildcard_import");
  return star ? ["*"] : importedNames(statement, deadline).filter((name) => name !== "");
}

/**
 * The `name` fields of a statement, with `as` aliases removed: the alias does not change the edge.
 * One cursor reads them all, ticking the deadline per name: a statement may hold 130,000 names,
 * and a Node per name and part cost about 30 µs each.
 */
function importedNames(statement: Node, deadline: DeadlineCheck | undefined): string[] {
  const names: string[] = [];
  const cursor = statement.walk();
  try {
    for (let more = cursor.gotoFirstChild(); more; more = cursor.gotoNextSibling()) {
      if (cursor.currentFieldName !== "name") continue;
      deadline?.tick();
      names.push(cursor.nodeType === "aliased_import" ? aliasedName(cursor) : dottedAt(cursor));
    }
  } finally {
    cursor.delete();
  }
  return names;
}

/** The `name` field of the `aliased_import` at the cursor; the cursor ends where it started. */
function aliasedName(cursor: TreeCursor): string {
  let name = "";
  if (!cursor.gotoFirstChild()) return name;
  do {
    if (cursor.currentFieldName === "name") {
      name = dottedAt(cursor);
      break;
    }
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return name;
}

/**
 * The dotted name at the cursor, built from its identifiers so that line continuations and
 * comments inside the name vanish; the cursor ends where it started.
 */
function dottedAt(cursor: TreeCursor): string {
  if (cursor.nodeType === "identifier") return cursor.nodeText;
  const parts: string[] = [];
  if (!cursor.gotoFirstChild()) return "";
  do {
    if (cursor.nodeType === "identifier") parts.push(cursor.nodeText);
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return parts.join(".");
}

/** Built from the identifiers so that line continuations and comments inside the name vanish. */
function dottedName(node: Node): string {
  if (node.type === "identifier") return node.text;
  return node.namedChildren
    .filter((child) => child?.type === "identifier")
    .map((child) => child?.text ?? "")
    .join(".");
}
