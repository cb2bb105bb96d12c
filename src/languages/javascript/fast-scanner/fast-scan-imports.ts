import type { ImportStatement } from "../import-statement-of.js";
import { isDeclarationPath } from "../javascript-extensions.js";
import { lineAt, lineStarts } from "../line-starts.js";
import { oneLineStatement } from "../one-line-statement.js";
import { importCall, requireCall } from "./called-imports.js";
import { exportDeclaration, importDeclaration, type FoundImport } from "./declared-imports.js";
import { lexJavaScript } from "./lex-javascript.js";
import { statementAround } from "./statement-span.js";
import { UnsureError, type Token } from "./token.js";

/**
 * Every import of a JS or TS file, as TypeScript's parser would find them (see `scan-imports`),
 * from one linear pass over the tokens: no syntax tree and no TypeScript to load. Undefined when it
 * cannot be sure (a bracket, literal or JSX tag it cannot place, an import form it does not know,
 * a `/// <reference path>`): the reference parser then reads the file. It checks tokens, not
 * grammar, so a syntax error that leaves every bracket and literal closed goes unreported here.
 */
export function scanImportsFast(fileName: string, source: string): ImportStatement[] | undefined {
  if (/\/\/\/[ \t]*<reference[^>\n]*\bpath\s*=/.test(source)) return undefined;
  try {
    const tokens = lexJavaScript(source, !/\.(?:[cm]?ts)$/.test(fileName));
    const found = importsIn(tokens, isDeclarationPath(fileName));
    const lines = lineStarts(source);
    return found.map((one) => statementOf(one, tokens, source, lines));
  } catch (error) {
    if (error instanceof UnsureError) return undefined;
    throw error;
  }
}

function importsIn(tokens: readonly Token[], declarationFile: boolean): FoundImport[] {
  const found: FoundImport[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind !== "name" || isMemberName(tokens[index - 1])) continue;
    let one: FoundImport | undefined;
    if (token.value === "import") one = importAt(tokens, index, declarationFile);
    else if (token.value === "export") one = exportDeclaration(tokens, index);
    else if (token.value === "require") one = requireCall(tokens, index);
    if (!one) continue;
    found.push(one);
    if (one.declaration) index = one.last;
  }
  return found;
}

function importAt(
  tokens: readonly Token[],
  index: number,
  declarationFile: boolean,
): FoundImport | undefined {
  const next = tokens[index + 1];
  if (next?.kind === "open" && next.value === "(")
    return importCall(tokens, index, declarationFile);
  if (next?.kind === "punct" && next.value === ".") return undefined; // import.meta
  const before = tokens[index - 1];
  const first = before?.kind === "name" && before.value === "export" ? index - 1 : index;
  return importDeclaration(tokens, index, first);
}

/** `x.import`, `x?.require`: a property, not the keyword or the global. */
function isMemberName(before: Token | undefined): boolean {
  return before?.kind === "punct" && (before.value === "." || before.value === "?.");
}

/** As in `import-statement-of`: a longer statement is not shown around a call. */
const maxStatementLength = 1_000;

function statementOf(
  one: FoundImport,
  tokens: readonly Token[],
  source: string,
  lines: readonly number[],
): ImportStatement {
  const start = tokens[one.first]!.start;
  const end = tokens[one.last]!.end;
  const line = lineAt(lines, start);
  let text = source.slice(start, end);
  if (!one.declaration) {
    const statement = statementAround(tokens, one.first, one.last);
    const itself = statement?.start === start && statement.end === end;
    const short = statement !== undefined && statement.end - statement.pos <= maxStatementLength;
    if (statement && short && !itself && lineAt(lines, statement.start) === line)
      text = source.slice(statement.start, statement.end);
  }
  return {
    specifier: one.specifier,
    line,
    kind: one.kind,
    text: oneLineStatement(text, one.specifier),
  };
}
