import type { Node, Tree } from "web-tree-sitter";
import type { ImportContext } from "../import-context.js";
import { lazyKeywordBefore } from "../lazy-keyword.js";
import type { DeadlineCheck } from "../parse-deadline.js";
import type { FileScan, PythonEdgeKind, RawImport, ScanWarning } from "../raw-import.js";
import type { SuppressionComments } from "../suppression-comments.js";
import { importStatements } from "./import-statements.js";
import { readImport, type StatementFacts } from "./read-import.js";
import { statementText } from "./statement-text.js";
import { syntaxErrorWarning } from "./syntax-error-warning.js";
import { treeSuppressions } from "./tree-suppressions.js";

/**
 * The imports of one parsed file, before resolution: depends on nothing but the file's text, so the
 * result can be cached by content. `text` must be the text the tree was parsed from. Every step is
 * linear in the file's size, and past `deadline` throws `ParseTimeoutError`.
 */
export function scanImports(tree: Tree, text: string, deadline?: DeadlineCheck): FileScan {
  const root = tree.rootNode;
  const comments = treeSuppressions(root, text);
  const lazyKeywords = new Set<number>();
  const imports: RawImport[] = [];
  for (const { node, context } of importStatements(root, deadline)) {
    deadline?.tick();
    const lazyAt = lazyKeywordBefore(node.startIndex, text);
    if (lazyAt !== undefined) lazyKeywords.add(lazyAt);
    // One statement may import 100,000 names: never spread them as call arguments.
    const statementFacts = facts(node, context, lazyAt !== undefined, comments);
    for (const found of readImport(node, statementFacts, deadline)) {
      imports.push(found);
    }
  }
  deadline?.now();
  const syntaxError = syntaxErrorWarning(root, lazyKeywords, deadline);
  const warnings: ScanWarning[] = [...comments.warnings, ...(syntaxError ? [syntaxError] : [])];
  return { imports, warnings: warnings.sort((a, b) => a.line - b.line) };
}

function facts(
  statement: Node,
  context: ImportContext,
  lazyKeyword: boolean,
  comments: SuppressionComments,
): StatementFacts {
  const text = statementText(statement);
  const firstLine = statement.startPosition.row + 1;
  return {
    line: firstLine,
    text: lazyKeyword ? `lazy ${text}` : text,
    edgeKind: edgeKind(context, lazyKeyword),
    suppression: comments.forStatement(firstLine, statement.endPosition.row + 1),
  };
}

/** Never-run beats run-later: a lazy import under TYPE_CHECKING still never runs. */
function edgeKind(context: ImportContext, lazyKeyword: boolean): PythonEdgeKind {
  if (context.typeOnly) return "type-only";
  return context.lazy || lazyKeyword ? "lazy" : "runtime";
}
