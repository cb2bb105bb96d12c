import { IndentStack } from "./indent-stack.js";
import { isAsciiNamePart, isAsciiNameStart, isDigit, numberEnd } from "./python-number-end.js";
import { operatorAt } from "./python-operators.js";
import { stringEnd, stringPrefix } from "./python-string-end.js";
import { Kind, wordAt, type PythonTokens } from "./python-tokens.js";
import { Expect, validTokenRun } from "./token-run-check.js";
import { TokenWriter } from "./token-writer.js";

const identifierStart = /[\p{XID_Start}_]/u;
const identifierPart = /[\p{XID_Continue}]/u;
const closerOf: Record<number, number> = { 40: 41, 91: 93, 123: 125 };

/**
 * Python's tokenizer, strict: NEWLINE, INDENT and DEDENT as CPython makes them, comments dropped.
 * Undefined for anything it is not sure of (unbalanced brackets, an unterminated string, indentation
 * that mixes tabs and spaces so that only a column count could compare it, a form feed, a lone CR,
 * a character outside the language): the tree-sitter path then handles the file.
 */
export function tokenizePython(text: string): PythonTokens | undefined {
  // Mixed line endings, in strings too: tree-sitter's scanner reads some of them unlike CPython.
  if (text.includes("\r\n") && /(?:^|[^\r])\n/.test(text)) return undefined;
  const lexer = new Lexer(text);
  return lexer.run() ? lexer.tokens() : undefined;
}

class Lexer {
  private readonly out: TokenWriter;
  private readonly indents = new IndentStack();
  private readonly brackets: number[] = [];
  private readonly directives: [number, number][] = [];
  private readonly wantsDirectives: boolean;
  private pendingIndent: string | undefined = "";

  constructor(private readonly text: string) {
    this.out = new TokenWriter(text.length >> 2);
    this.wantsDirectives = text.includes("archdrift");
  }

  tokens(): PythonTokens {
    return this.out.tokens(this.directives);
  }

  run(): boolean {
    const text = this.text;
    const n = text.length;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let lineStart = true;
    let lastContinuation = -1;
    while (i < n) {
      if (lineStart) {
        const begin = i;
        let tabs = false;
        for (let c = text.charCodeAt(i); c === 32 || c === 9; c = text.charCodeAt(++i)) {
          if (c === 9) tabs = true;
        }
        this.pendingIndent = tabs ? text.slice(begin, i) : spaces(i - begin);
        lineStart = false;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) i++;
      else if (c === 10) {
        if (this.brackets.length === 0) {
          if (this.pendingIndent === undefined) this.out.push(Kind.NEWLINE, 0, i, i);
          lineStart = true;
        } else if (!this.indents.continues(this.text, i + 1)) return false;
        i++;
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) !== 10) return false;
        i++;
      } else if (c === 35) i = this.comment(i);
      else if (c === 92) {
        // A continuation before the line's first token would need CPython's column rules.
        if (this.pendingIndent !== undefined) return false;
        const next = text.charCodeAt(i + 1);
        if (next === 10) i += 2;
        else if (next === 13 && text.charCodeAt(i + 2) === 10) i += 3;
        else return false;
        if (!this.indents.continues(this.text, i)) return false;
        lastContinuation = i;
      } else {
        i = this.token(i, c);
        if (i < 0) return false;
      }
    }
    return lastContinuation !== n && this.finish();
  }

  private finish(): boolean {
    if (this.brackets.length > 0) return false;
    if (this.pendingIndent === undefined)
      this.out.push(Kind.NEWLINE, 0, this.text.length, this.text.length);
    for (let level = this.indents.depth; level > 0; level--) {
      this.out.push(Kind.DEDENT, 0, this.text.length, this.text.length);
    }
    return true;
  }

  private comment(at: number): number {
    let end = this.text.indexOf("\n", at);
    if (end < 0) end = this.text.length;
    if (this.wantsDirectives && this.text.slice(at, end).includes("archdrift")) {
      this.directives.push([at, end]);
    }
    return end;
  }

  /** One token starting with `c` at `at`; the offset after it, or -1. */
  private token(at: number, c: number): number {
    if (this.pendingIndent !== undefined && !this.indent(this.pendingIndent, at)) return -1;
    if (c === 34 || c === 39) return this.string(at, at, false);
    if ((c >= 48 && c <= 57) || (c === 46 && isDigit(this.text.charCodeAt(at + 1)))) {
      return this.number(at);
    }
    if (isAsciiNameStart(c) || (c > 127 && this.startsIdentifier(at))) return this.name(at);
    if (c === 40 || c === 91 || c === 123) {
      this.brackets.push(c);
      this.out.push(Kind.OPEN, c, at, at + 1);
      return at + 1;
    }
    if (c === 41 || c === 93 || c === 125) {
      const open = this.brackets.pop();
      if (open === undefined || closerOf[open] !== c) return -1;
      this.out.push(Kind.CLOSE, c, at, at + 1);
      return at + 1;
    }
    const operator = operatorAt(this.text, at);
    if (operator < 0) return -1;
    const kind = operator >> 2;
    const length = operator & 3;
    // `;` inside brackets is always an error: let the parser say where.
    if (kind === Kind.SEMI && this.brackets.length > 0) return -1;
    this.out.push(kind, 0, at, at + length);
    return at + length;
  }

  private name(at: number): number {
    const text = this.text;
    let i = at + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (isAsciiNamePart(c)) i++;
      else if (c > 127 && i < text.length) {
        const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
        if (!identifierPart.test(char)) break;
        i += char.length;
      } else break;
    }
    const next = text.charCodeAt(i);
    if (next === 34 || next === 39) {
      const prefix = stringPrefix(text.slice(at, i));
      return prefix ? this.string(at, i, prefix.formatted) : -1;
    }
    this.out.push(Kind.NAME, wordAt(text, at, i), at, i);
    return i;
  }

  private string(at: number, quoteAt: number, formatted: boolean): number {
    const fields: number[] = [];
    const end = stringEnd(this.text, quoteAt, formatted, fields);
    if (end < 0 || !validFields(this.text, fields)) return -1;
    this.out.push(Kind.STRING, 0, at, end);
    return end;
  }

  private number(at: number): number {
    const end = numberEnd(this.text, at);
    if (end >= 0) this.out.push(Kind.NUMBER, 0, at, end);
    return end;
  }

  private startsIdentifier(at: number): boolean {
    return identifierStart.test(String.fromCodePoint(this.text.codePointAt(at) ?? 0));
  }

  /** INDENT or DEDENTs for a logical line's first token; false when the indentation is ambiguous. */
  private indent(indent: string, at: number): boolean {
    this.pendingIndent = undefined;
    const change = this.indents.enter(indent);
    if (change === undefined) return false;
    if (change > 0) this.out.push(Kind.INDENT, 0, at, at);
    for (let dedent = change; dedent < 0; dedent++) this.out.push(Kind.DEDENT, 0, at, at);
    return true;
  }
}

/** Runs of spaces by length, shared: a new string per line was garbage for the collector. */
const spaceRuns: string[] = [];

function spaces(count: number): string {
  return (spaceRuns[count] ??= " ".repeat(count));
}

/**
 * Tree-sitter parses the expressions of f-string fields as code, so a broken one is a syntax error
 * there: each is tokenized and checked on its own, in parentheses as Python reads it.
 */
function validFields(text: string, fields: readonly number[]): boolean {
  for (let i = 0; i < fields.length; i += 2) {
    const expression = `(${text.slice(fields[i], fields[i + 1])})`;
    const tokens = tokenizePython(expression);
    if (!tokens || !validTokenRun(tokens, 0, tokens.count - 1, Expect.OPERAND)) return false;
  }
  return true;
}
