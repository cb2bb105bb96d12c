import type { Node } from "web-tree-sitter";

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

/**
 * An import statement's source with its comments already cut, on one line. A continuation right
 * after the dot of a dotted name (`import a.\` then `b`) joins without a space.
 */
export function collapseStatement(source: string): string {
  return source
    .replace(/(\w\.)\\\r?\n\s*/g, "$1")
    .replace(/\\\r?\n/g, " ")
    .replace(/\s+/g, " ")
    .replace(/\(\s/g, "(")
    .replace(/\s\)/g, ")")
    .trim();
}
