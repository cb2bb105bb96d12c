import type { Node } from "web-tree-sitter";
import type { DeadlineCheck } from "../parse-deadline.js";
import type { ScanWarning } from "../raw-import.js";

/**
 * One warning for the first syntax error of a file, or undefined. One is enough: tree-sitter's
 * recovery often reports a cascade of errors after the first, and the reader needs the place to look.
 * `lazyKeywords` holds the offsets of PEP 810 `lazy` keywords, which the grammar calls errors too.
 */
export function syntaxErrorWarning(
  root: Node,
  lazyKeywords: ReadonlySet<number>,
  deadline?: DeadlineCheck,
): ScanWarning | undefined {
  if (!root.hasError) return undefined;
  const cursor = root.walk();
  try {
    // Pre-order visits nodes in source order, so the first error met is the first in the file.
    // A cursor steps sibling to sibling: each node is met once, so the walk is linear.
    for (;;) {
      deadline?.tick();
      const node = cursor.currentNode;
      const problem = describe(node, lazyKeywords);
      if (problem) return { line: node.startPosition.row + 1, message: problem };
      const enter = node.hasError && !node.isError && cursor.gotoFirstChild();
      if (!enter && !nextInPreOrder(cursor)) return undefined;
    }
  } finally {
    cursor.delete();
  }
}

function describe(node: Node, lazyKeywords: ReadonlySet<number>): string | undefined {
  if (node.isMissing) return `syntax error: missing "${node.type}"`;
  if (!node.isError || isLazyKeyword(node, lazyKeywords)) return undefined;
  return `syntax error near "${snippet(node.text)}"`;
}

function isLazyKeyword(node: Node, lazyKeywords: ReadonlySet<number>): boolean {
  return lazyKeywords.has(node.startIndex) && node.text.trim() === "lazy";
}

function snippet(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 40)}...` : oneLine;
}

function nextInPreOrder(cursor: ReturnType<Node["walk"]>): boolean {
  for (;;) {
    if (cursor.gotoNextSibling()) return true;
    if (!cursor.gotoParent()) return false;
  }
}
