import type { Node } from "web-tree-sitter";
import { collapseStatement } from "../collapse-statement.js";

/**
 * The statement as written, on one line: comments inside a parenthesised list and backslash
 * continuations are dropped so the text reads as a single import in annotations and review comments.
 * The pieces between comments are cut once each and joined: linear, however many comments.
 */
export function statementText(statement: Node): string {
  const start = statement.startIndex;
  const text = statement.text;
  const pieces: string[] = [];
  let kept = 0;
  for (const comment of statement.descendantsOfType("comment")) {
    if (!comment) continue;
    pieces.push(text.slice(kept, comment.startIndex - start));
    kept = comment.endIndex - start;
  }
  pieces.push(text.slice(kept));
  return collapseStatement(pieces.join(""));
}
