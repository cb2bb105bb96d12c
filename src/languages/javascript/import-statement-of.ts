import type ts from "typescript";
import { typescript } from "./typescript-module.js";
import type { EdgeKind, Suppression } from "../../graph/graph.js";
import { oneLineStatement } from "./one-line-statement.js";

/** One import as written: several imports of one module stay apart, each with its line. */
export interface ImportStatement {
  readonly specifier: string;
  /** 1-based line where the statement starts. */
  readonly line: number;
  /** The statement on one line, shortened in the middle past 200 characters, never in its specifier. */
  readonly text: string;
  readonly kind: EdgeKind;
  /** An `archdrift-ignore` comment on the statement's line or the line above. */
  readonly suppression?: Suppression;
}

export interface WalkContext {
  readonly inFunction: boolean;
  /** The innermost statement around the node, for the text of a `require()` or `import()`. */
  readonly statement: ts.Node;
}

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
  return { specifier, line, kind, text: statementText(anchor, sourceFile, context, specifier) };
}

type Found = [specifier: string, kind: EdgeKind, anchor: ts.Node];

function declaredImport(node: ts.Node): Found | undefined {
  if (typescript.isImportDeclaration(node) && typescript.isStringLiteral(node.moduleSpecifier)) {
    return [node.moduleSpecifier.text, importClauseKind(node.importClause), node];
  }
  if (
    typescript.isExportDeclaration(node) &&
    node.moduleSpecifier &&
    typescript.isStringLiteral(node.moduleSpecifier)
  ) {
    const typeOnly = node.isTypeOnly || allTypeOnly(node.exportClause);
    return [node.moduleSpecifier.text, typeOnly ? "type-only" : "runtime", node];
  }
  if (
    typescript.isImportEqualsDeclaration(node) &&
    typescript.isExternalModuleReference(node.moduleReference)
  ) {
    const expression = node.moduleReference.expression;
    if (!typescript.isStringLiteral(expression)) return undefined;
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
  if (!typescript.isCallExpression(node)) return undefined;
  const [argument] = node.arguments;
  if (!argument || !typescript.isStringLiteralLike(argument)) return undefined;
  if (node.expression.kind === typescript.SyntaxKind.ImportKeyword)
    return [argument.text, "dynamic", node];
  const isRequire = typescript.isIdentifier(node.expression) && node.expression.text === "require";
  if (!isRequire || node.arguments.length !== 1) return undefined;
  return [argument.text, context.inFunction ? "lazy" : "runtime", node];
}

/** `typeof import("./x")` and `import("./x").T` in a type: never runs. */
function typeImport(node: ts.Node): Found | undefined {
  if (!typescript.isImportTypeNode(node) || !typescript.isLiteralTypeNode(node.argument))
    return undefined;
  const literal = node.argument.literal;
  return typescript.isStringLiteral(literal) ? [literal.text, "type-only", node] : undefined;
}

/**
 * A longer statement around a call is not copied for each import it holds: a one-line object of
 * 100,000 requires would cost its whole length 100,000 times.
 */
const maxStatementLength = 1_000;

/**
 * A declaration is its own statement. A call or type inside a larger statement is shown with that
 * statement when both start on one line (`const x = require("./x");`), else alone, so a long
 * object literal full of requires does not become the text of every edge.
 */
function statementText(
  anchor: ts.Node,
  sourceFile: ts.SourceFile,
  context: WalkContext,
  specifier: string,
): string {
  const statement = context.statement;
  const useStatement =
    anchor !== statement &&
    statement !== sourceFile &&
    statement.end - statement.pos <= maxStatementLength &&
    sameStartLine(statement, anchor, sourceFile);
  return oneLineStatement((useStatement ? statement : anchor).getText(sourceFile), specifier);
}

function sameStartLine(left: ts.Node, right: ts.Node, sourceFile: ts.SourceFile): boolean {
  const lineOf = (node: ts.Node) =>
    sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
  return lineOf(left) === lineOf(right);
}
