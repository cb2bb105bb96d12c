import type { Node } from "web-tree-sitter";
import { suppressionsOf, type SuppressionComments } from "../suppression-comments.js";

/** `suppressionsOf` the comments of a syntax tree. */
export function treeSuppressions(root: Node, text: string): SuppressionComments {
  const comments = root.descendantsOfType("comment").flatMap((comment) => {
    if (!comment) return [];
    return [{ text: comment.text, line: comment.startPosition.row + 1, start: comment.startIndex }];
  });
  return suppressionsOf(comments, text);
}
