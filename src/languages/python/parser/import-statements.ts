import type { Node, TreeCursor } from "web-tree-sitter";
import type { ImportContext } from "../import-context.js";
import type { DeadlineCheck } from "../parse-deadline.js";
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

/** What the children of one entered statement holder inherit. */
interface Holder {
  readonly type: string;
  readonly context: ImportContext;
  /** For an if statement: the field only type checkers see (see `typeCheckingTest`). */
  readonly branches: ReturnType<typeof typeCheckingTest>;
}

const moduleLevel: ImportContext = { lazy: false, typeOnly: false };

/**
 * Every well-formed import statement of the file in source order, with its context.
 * One tree cursor walks the tree: a node's children are reached by stepping from sibling to
 * sibling, never by index (`node.child(i)` counts from the first child each time, which made a
 * node with 200,000 children, `z = ((((...`, quadratic). The holders entered are kept on an
 * explicit stack, so deep nesting cannot overflow the JS stack. `deadline` is checked as it goes.
 */
export function importStatements(root: Node, deadline?: DeadlineCheck): LocatedImport[] {
  const found: LocatedImport[] = [];
  const cursor = root.walk();
  try {
    const holders: Holder[] = [holderOf(root, moduleLevel)];
    let entered = cursor.gotoFirstChild();
    while (entered || leave(cursor, holders)) {
      deadline?.tick();
      entered = visit(cursor, holders, found);
    }
  } finally {
    cursor.delete();
  }
  return found;
}

/** Looks at the cursor's node; true when it stepped into the node's children. */
function visit(cursor: TreeCursor, holders: Holder[], found: LocatedImport[]): boolean {
  const type = cursor.nodeType;
  const isImport = importTypes.has(type);
  if (!isImport && !statementHolders.has(type)) return false;
  const parent = holders[holders.length - 1]!;
  const context = childContext(parent, cursor.currentFieldName);
  const node = cursor.currentNode;
  if (isImport) {
    // A statement that is itself broken is recovery's guess (it may glue the next line's names
    // on): better no edge than a wrong one. The syntax-error warning points there.
    if (!node.hasError) found.push({ node, context });
    return false;
  }
  if (!cursor.gotoFirstChild()) return false;
  holders.push(holderOf(node, context));
  return true;
}

/** Moves to the next node in pre-order that is not inside the one just visited; false at the end. */
function leave(cursor: TreeCursor, holders: Holder[]): boolean {
  for (;;) {
    if (cursor.gotoNextSibling()) return true;
    if (holders.length <= 1 || !cursor.gotoParent()) return false;
    holders.pop();
  }
}

function holderOf(node: Node, context: ImportContext): Holder {
  const branches = node.type === "if_statement" ? typeCheckingTest(node) : undefined;
  return { type: node.type, context, branches };
}

function childContext(parent: Holder, field: string | null): ImportContext {
  if (parent.type === "function_definition") return { ...parent.context, lazy: true };
  // `branches` names the if statement's field that only type checkers see. Once never-run, always
  // never-run: an else nested inside a TYPE_CHECKING block is still type-only.
  return parent.branches !== undefined && field === parent.branches
    ? { ...parent.context, typeOnly: true }
    : parent.context;
}
