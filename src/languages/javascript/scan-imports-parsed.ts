import type ts from "typescript";
import { typescript } from "./typescript-module.js";
import { importStatementOf, type ImportStatement } from "./import-statement-of.js";
import { completeScan, type JavaScriptScan, type ScanProblem } from "./javascript-scan.js";
import { oneLineStatement } from "./one-line-statement.js";
import { scanImportTokens } from "./scan-import-tokens.js";

/**
 * Every import of a JS or TS file, found with TypeScript's parser: the reference the fast scanner
 * is tested against, and the path for the files it is not sure of. The parser
 * recovers from syntax errors, but recurses once per nesting level and so throws on a file nested a
 * thousand levels deep: such a file is read again by TypeScript's token scanner, which finds the
 * same import statements in linear time without knowing their kinds, and the report says so.
 */
export function scanImportsParsed(fileName: string, source: string): JavaScriptScan {
  const lines = source.split(/\r?\n/);
  const problems: ScanProblem[] = [];
  let imports: ImportStatement[];
  try {
    const parsed = parseImports(fileName, source, lines);
    imports = parsed.imports;
    if (parsed.syntaxError) problems.push(parsed.syntaxError);
  } catch (error) {
    const fallback = scanImportTokens(source);
    imports = fallback.imports;
    problems.push({ line: 1, message: fallbackMessage(error, fallback.complete) });
  }
  return completeScan(fileName, lines, imports, problems);
}

interface ParsedImports {
  readonly imports: ImportStatement[];
  readonly syntaxError?: ScanProblem;
}

function parseImports(fileName: string, source: string, lines: readonly string[]): ParsedImports {
  const sourceFile = typescript.createSourceFile(
    fileName,
    source,
    typescript.ScriptTarget.Latest,
    false,
    scriptKind(fileName),
  );
  const imports = [...referenceDirectives(sourceFile, lines), ...walk(sourceFile)];
  imports.sort((left, right) => left.line - right.line);
  const syntaxError = firstSyntaxError(sourceFile);
  return syntaxError ? { imports, syntaxError } : { imports };
}

function fallbackMessage(error: unknown, complete: boolean): string {
  const reason = error instanceof RangeError ? "nested too deeply" : (error as Error).message;
  const found = complete
    ? "its imports were found by a token scan and all count as runtime imports"
    : "its imports could not be found and are missing from this review";
  return `TypeScript's parser could not read this file (${reason}): ${found}`;
}

function scriptKind(fileName: string): ts.ScriptKind {
  if (fileName.endsWith(".tsx")) return typescript.ScriptKind.TSX;
  if (fileName.endsWith(".jsx")) return typescript.ScriptKind.JSX;
  return /\.[cm]?ts$/.test(fileName) ? typescript.ScriptKind.TS : typescript.ScriptKind.JS;
}

interface Visit {
  readonly node: ts.Node;
  readonly inFunction: boolean;
  readonly statement: ts.Node;
}

/**
 * Depth-first over the tree with a stack of our own, remembering whether we are inside a function
 * (a lazy require): a tree the parser managed to build must not overflow ours.
 */
function walk(sourceFile: ts.SourceFile): ImportStatement[] {
  const found: ImportStatement[] = [];
  const pending: Visit[] = [{ node: sourceFile, inFunction: false, statement: sourceFile }];
  for (let visit = pending.pop(); visit !== undefined; visit = pending.pop()) {
    const { node, inFunction, statement } = visit;
    const located = importStatementOf(node, sourceFile, { inFunction, statement });
    if (located) found.push(located);
    const childStatement = typescript.isStatement(node) ? node : statement;
    const childInFunction = inFunction || typescript.isFunctionLike(node);
    const children: Visit[] = [];
    typescript.forEachChild(node, (child) => {
      children.push({ node: child, inFunction: childInFunction, statement: childStatement });
    });
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index]!);
  }
  return found;
}

/** `/// <reference path="..." />` is a dependency that only the type checker follows. */
function referenceDirectives(
  sourceFile: ts.SourceFile,
  lines: readonly string[],
): ImportStatement[] {
  return sourceFile.referencedFiles.map((reference) => {
    const line = sourceFile.getLineAndCharacterOfPosition(reference.pos).line;
    const text = oneLineStatement(lines[line] ?? "", reference.fileName);
    return { specifier: reference.fileName, line: line + 1, text, kind: "type-only" };
  });
}

function firstSyntaxError(sourceFile: ts.SourceFile): ScanProblem | undefined {
  // parseDiagnostics is internal but has been stable for years; without it we would need a Program.
  const diagnostics = (sourceFile as { parseDiagnostics?: readonly ts.Diagnostic[] })
    .parseDiagnostics;
  const first = diagnostics?.[0];
  if (!first) return undefined;
  const line = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0).line + 1;
  const message = typescript.flattenDiagnosticMessageText(first.messageText, " ");
  return { line, message: `syntax error, imports around it still count: ${message}` };
}
