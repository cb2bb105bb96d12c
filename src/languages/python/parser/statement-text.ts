import type { Node } from "web-tree-sitter";
import { collapseStatement } from "../collapse-statement.js";

/**
 * The statement as written, on one line: comments inside a parenthesised list and backslash
 * continuations are dropped so the text reads as a single import in annotations and review comments.
 */
export function statementText(statement: Node): string {
  const start = statement.startIndex;
  let text = statement.text;
  const comments = statement.descendantsOfType("comment").filter((node) => node !== null);
  // From the last comment backwards so earlier offsets stay valid while cutting.
  for (const comment of comments.reverse()) {
    text = text.slice(0, comment.startIndex - start) + text.slice(comment.endIndex - start);
  }
  return collapseStatement(text);
}
