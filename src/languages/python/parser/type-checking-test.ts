import type { Node } from "web-tree-sitter";

/**
 * Which branch of an if statement only type checkers see: "consequence" for `if TYPE_CHECKING:`
 * (also `typing.TYPE_CHECKING`, `t.TYPE_CHECKING`), "alternative" (every elif and else) for
 * `if not TYPE_CHECKING:`, undefined when the condition is anything else. The `else` of
 * `if TYPE_CHECKING:` runs, so its imports are runtime edges (grimp gets this wrong).
 */
export function typeCheckingTest(ifStatement: Node): "consequence" | "alternative" | undefined {
  let condition = ifStatement.childForFieldName("condition");
  let negated = false;
  for (;;) {
    if (!condition) return undefined;
    if (condition.type === "parenthesized_expression") condition = condition.namedChild(0);
    else if (condition.type === "not_operator") {
      negated = !negated;
      condition = condition.childForFieldName("argument");
    } else break;
  }
  if (!namesTypeChecking(condition)) return undefined;
  return negated ? "alternative" : "consequence";
}

function namesTypeChecking(node: Node): boolean {
  if (node.type === "identifier") return node.text === "TYPE_CHECKING";
  if (node.type !== "attribute") return false;
  return node.childForFieldName("attribute")?.text === "TYPE_CHECKING";
}
