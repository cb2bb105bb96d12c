import ts from "typescript";
import { importStatementOf, type ImportStatement } from "./import-statement-of.js";

export type { ImportStatement };

export interface SyntaxProblem {
  readonly line: number;
  readonly message: string;
}

export interface ScannedImports {
  readonly imports: readonly ImportStatement[];
  /** The first syntax error; the imports found around it still count. */
  readonly syntaxError?: SyntaxProblem;
}

/** Every import of a JS or TS file, found with TypeScript's parser, which never throws. */
export function scanImports(fileName: string, source: string): ScannedImports {
  const sourceFile = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    false,
    scriptKind(fileName),
  );
  const imports = [...referenceDirectives(sourceFile), ...walk(sourceFile)];
  imports.sort((left, right) => left.line - right.line);
  const syntaxError = firstSyntaxError(sourceFile);
  return syntaxError ? { imports, syntaxError } : { imports };
}

function scriptKind(fileName: string): ts.ScriptKind {
  if (fileName.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (fileName.endsWith(".jsx")) return ts.ScriptKind.JSX;
  return /\.[cm]?ts$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
}

/** Depth-first over the tree, remembering whether we are inside a function (a lazy require). */
function walk(sourceFile: ts.SourceFile): ImportStatement[] {
  const found: ImportStatement[] = [];
  const visit = (node: ts.Node, inFunction: boolean, statement: ts.Node): void => {
    const located = importStatementOf(node, sourceFile, { inFunction, statement });
    if (located) found.push(located);
    const childStatement = ts.isStatement(node) ? node : statement;
    const childInFunction = inFunction || ts.isFunctionLike(node);
    ts.forEachChild(node, (child) => visit(child, childInFunction, childStatement));
  };
  visit(sourceFile, false, sourceFile);
  return found;
}

/** `/// <reference path="..." />` is a dependency that only the type checker follows. */
function referenceDirectives(sourceFile: ts.SourceFile): ImportStatement[] {
  return sourceFile.referencedFiles.map((reference) => {
    const line = sourceFile.getLineAndCharacterOfPosition(reference.pos).line;
    const text = sourceFile.text.split(/\r?\n/, line + 1)[line] ?? "";
    return { specifier: reference.fileName, line: line + 1, text: text.trim(), kind: "type-only" };
  });
}

function firstSyntaxError(sourceFile: ts.SourceFile): SyntaxProblem | undefined {
  // parseDiagnostics is internal but has been stable for years; without it we would need a Program.
  const diagnostics = (sourceFile as { parseDiagnostics?: readonly ts.Diagnostic[] })
    .parseDiagnostics;
  const first = diagnostics?.[0];
  if (!first) return undefined;
  const line = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0).line + 1;
  return { line, message: ts.flattenDiagnosticMessageText(first.messageText, " ") };
}
