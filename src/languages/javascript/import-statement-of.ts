import ts from "typescript";
import type { EdgeKind } from "../../graph/graph.js";

/** One import as written: dependency-cruiser merges imports of one module, these stay apart. */
export interface ImportStatement {
  readonly specifier: string;
  /** 1-based line where the statement starts. */
  readonly line: number;
  /** The statement on one line, cut to 200 characters. */
  readonly text: string;
  readonly kind: EdgeKind;
}

export interface WalkContext {
  readonly inFunction: boolean;
  /** The innermost statement around the node, for the text of a `require()` or `import()`. */
  readonly statement: ts.Node;
}

const maxTextLength = 200;

/** The import a node makes, if it is one of the forms that name a module with a string. */
export function importStatementOf(
  node: ts.Node,
  sourceFile: ts.SourceFile,
  context: WalkContext,
): ImportStatement | undefined {
  const found = declaredImport(node) ?? calledImport(node, context) ?? typeImport(node);
  if (!found) return undefined;
  const [specifier, kind, anchor] = found;
  const start = anchor.getStart(sourceFile);
  const line = sourceFile.getLineAndCharacterOfPosition(start).line + 1;
  return { specifier, line, kind, text: statementText(anchor, sourceFile, context) };
}

type Found = [specifier: string, kind: EdgeKind, anchor: ts.Node];

function declaredImport(node: ts.Node): Found | undefined {
  if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
    return [node.moduleSpecifier.text, importClauseKind(node.importClause), node];
  }
  if (
    ts.isExportDeclaration(node) &&
    node.moduleSpecifier &&
    ts.isStringLiteral(node.moduleSpecifier)
  ) {
    const typeOnly = node.isTypeOnly || allTypeOnly(node.exportClause);
    return [node.moduleSpecifier.text, typeOnly ? "type-only" : "runtime", node];
  }
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    const expression = node.moduleReference.expression;
    if (!ts.isStringLiteral(expression)) return undefined;
    return [expression.text, node.isTypeOnly ? "type-only" : "runtime", node];
  }
  return undefined;
}

function importClauseKind(clause: ts.ImportClause | undefined): EdgeKind {
  if (!clause) return "runtime";
  if (clause.isTypeOnly) return "type-only";
  // `import { type A, type B } from "x"` imports nothing that runs, like `import type`.
  return !clause.name && allTypeOnly(clause.namedBindings) ? "type-only" : "runtime";
}

function allTypeOnly(
  bindings: ts.NamedImportBindings | ts.NamedExportBindings | undefined,
): boolean {
  if (!bindings || !("elements" in bindings)) return false;
  const elements: readonly (ts.ImportSpecifier | ts.ExportSpecifier)[] = bindings.elements;
  return elements.length > 0 && elements.every((element) => element.isTypeOnly);
}

function calledImport(node: ts.Node, context: WalkContext): Found | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const [argument] = node.arguments;
  if (!argument || !ts.isStringLiteralLike(argument)) return undefined;
  if (node.expression.kind === ts.SyntaxKind.ImportKeyword) return [argument.text, "dynamic", node];
  const isRequire = ts.isIdentifier(node.expression) && node.expression.text === "require";
  if (!isRequire || node.arguments.length !== 1) return undefined;
  return [argument.text, context.inFunction ? "lazy" : "runtime", node];
}

/** `typeof import("./x")` and `import("./x").T` in a type: never runs. */
function typeImport(node: ts.Node): Found | undefined {
  if (!ts.isImportTypeNode(node) || !ts.isLiteralTypeNode(node.argument)) return undefined;
  const literal = node.argument.literal;
  return ts.isStringLiteral(literal) ? [literal.text, "type-only", node] : undefined;
}

/**
 * A declaration is its own statement. A call or type inside a larger statement is shown with that
 * statement when both start on one line (`const x = require("./x");`), else alone, so a long
 * object literal full of requires does not become the text of every edge.
 */
function statementText(anchor: ts.Node, sourceFile: ts.SourceFile, context: WalkContext): string {
  const statement = context.statement;
  const useStatement =
    anchor !== statement &&
    statement !== sourceFile &&
    sameStartLine(statement, anchor, sourceFile);
  return oneLine((useStatement ? statement : anchor).getText(sourceFile));
}

function sameStartLine(left: ts.Node, right: ts.Node, sourceFile: ts.SourceFile): boolean {
  const lineOf = (node: ts.Node) =>
    sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
  return lineOf(left) === lineOf(right);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, maxTextLength);
}
