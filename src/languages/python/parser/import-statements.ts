import type { Node } from "web-tree-sitter";
import type { ImportContext } from "../import-context.js";
import { typeCheckingTest } from "./type-checking-test.js";

export interface LocatedImport {
  readonly node: Node;
  readonly context: ImportContext;
}

const importTypes = new Set(["import_statement", "import_from_statement"]);

/**
 * Nodes that can hold statements. Expressions cannot hold an import statement, so the walk never
 * enters them, which keeps it cheap on large files. ERROR is included because tree-sitter recovers
 * from a syntax error by wrapping the broken part, and valid imports may sit inside.
 */
const statementHolders = new Set([
  "module",
  "block",
  "class_definition",
  "function_definition",
  "decorated_definition",
  "if_statement",
  "elif_clause",
  "else_clause",
  "for_statement",
  "while_statement",
  "try_statement",
  "except_clause",
  "except_group_clause",
  "finally_clause",
  "with_statement",
  "match_statement",
  "case_clause",
  "ERROR",
]);

const moduleLevel: ImportContext = { lazy: false, typeOnly: false };

/** Every well-formed import statement of the file in source order, with its context. */
export function importStatements(root: Node): LocatedImport[] {
  const found: LocatedImport[] = [];
  // An explicit stack rather than recursion: deeply nested code must not overflow the JS stack.
  const stack: LocatedImport[] = [{ node: root, context: moduleLevel }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (importTypes.has(item.node.type)) {
      // A statement that is itself broken is recovery's guess (it may glue the next line's names
      // on): better no edge than a wrong one. The syntax-error warning points there.
      if (!item.node.hasError) found.push(item);
      continue;
    }
    // Reversed so the first child is popped first and the result stays in source order.
    stack.push(...childrenToVisit(item.node, item.context).reverse());
  }
  return found;
}

function childrenToVisit(node: Node, context: ImportContext): LocatedImport[] {
  const visits: LocatedImport[] = [];
  const branches = node.type === "if_statement" ? typeCheckingTest(node) : undefined;
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (!child || !(importTypes.has(child.type) || statementHolders.has(child.type))) continue;
    const field = node.fieldNameForChild(i);
    visits.push({ node: child, context: childContext(node, field, branches, context) });
  }
  return visits;
}

function childContext(
  parent: Node,
  field: string | null,
  branches: ReturnType<typeof typeCheckingTest>,
  context: ImportContext,
): ImportContext {
  if (parent.type === "function_definition") return { ...context, lazy: true };
  // `branches` names the if statement's field that only type checkers see. Once never-run, always
  // never-run: an else nested inside a TYPE_CHECKING block is still type-only.
  return branches !== undefined && field === branches ? { ...context, typeOnly: true } : context;
}
