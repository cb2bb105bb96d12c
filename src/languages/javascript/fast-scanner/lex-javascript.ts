import type { Frame, LexerState, Mode } from "./lexer-state.js";
import { Token, UnsureError, type TokenKind } from "./token.js";
import { readJsxChildren, readJsxTag } from "./lex-jsx.js";
import {
  isNameStart,
  readName,
  readNumber,
  readPlainTemplate,
  readQuoted,
  readRegex,
  readTemplateChars,
  skipTrivia,
  type Quoted,
} from "./lex-reads.js";

/** `<T,>(…) =>` and `<T extends X>(…) =>` in a .tsx file: type parameters, not a JSX tag. */
const genericArrow = /<\s*[A-Za-z_$][\w$]*\s*(?:,|extends\s(?!\s*=))/y;

/**
 * The tokens of one JS/TS file in one linear pass, with no syntax tree and no recursion, so no
 * nesting depth or file shape can overflow it. Comments and whitespace go; strings, templates,
 * regular expressions and JSX text are read whole, so nothing inside them looks like an import.
 * Throws `UnsureError` for what it cannot read with certainty (an unclosed bracket or literal, a
 * `/` or `<` it cannot place): the caller then hands the file to TypeScript's parser.
 */
export function lexJavaScript(source: string, jsx: boolean): Token[] {
  return new Lexer(source, jsx).run();
}

/** After these names an expression starts, so `/` begins a regular expression and `<` JSX. */
const operandKeywords = new Set([
  "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do",
  "else", "yield", "await", "extends",
]); // prettier-ignore

export class Lexer implements LexerState {
  readonly tokens: Token[] = [];
  readonly frames: Frame[] = [];
  position = 0;
  private newline = false;
  /** Type parameter lists open around the position: no JSX inside them. */
  private typeParameters = 0;

  constructor(
    readonly source: string,
    readonly jsx: boolean,
  ) {
    const lineEnd = source.indexOf("\n");
    if (source.startsWith("#!")) this.position = lineEnd < 0 ? source.length : lineEnd;
  }

  run(): Token[] {
    while (this.position < this.source.length || this.frames.length > 0) {
      const mode = this.frames.at(-1)?.mode ?? "code";
      if (mode === "template") readTemplateChars(this);
      else if (mode === "jsx-tag-name" || mode === "jsx-tag") readJsxTag(this);
      else if (mode === "jsx-children") readJsxChildren(this);
      else this.readCode();
      if (this.position > this.source.length) throw new UnsureError("unterminated");
    }
    return this.tokens;
  }

  /** Whitespace and comments, noting line breaks; false at the end of the file. */
  skipTrivia(): boolean {
    const end = skipTrivia(this.source, this.position);
    if (end < 0) {
      this.newline = true;
      this.position = -end - 1;
    } else {
      this.position = end;
    }
    return this.position < this.source.length;
  }

  private readCode(): void {
    if (!this.skipTrivia()) {
      if (this.frames.length > 0) throw new UnsureError("unclosed bracket at the end");
      return;
    }
    const source = this.source;
    const start = this.position;
    const char = source.charCodeAt(start);
    if (isNameStart(char)) return void this.push("name", start, readName(source, start));
    if (char === 34 || char === 39) return this.pushString(start, readQuoted(source, start));
    if (char === 96) return this.openTemplate(start);
    if ((char >= 48 && char <= 57) || (char === 46 && isDigit(source.charCodeAt(start + 1))))
      return void this.push("number", start, readNumber(source, start));
    if (char === 47 && this.expressionStarts()) {
      return void this.push("regex", start, readRegex(source, start));
    }
    if (char === 60 && this.jsx && this.typeParameters === 0 && this.expressionStarts()) {
      genericArrow.lastIndex = start;
      return genericArrow.test(source) ? this.openTypeParameters(start) : this.openJsx(start);
    }
    this.readPunctuator(start, char);
  }

  private readPunctuator(start: number, char: number): void {
    const source = this.source;
    if (char === 40 || char === 91 || char === 123) return this.open(start, source[start]!);
    if (char === 41 || char === 93 || char === 125) return this.close(start, source[start]!);
    const next = source.charCodeAt(start + 1);
    // Char codes, not slices: this runs for every punctuator of the file.
    if (char === 61 && next === 62) return void this.push("punct", start, start + 2, "=>");
    if (char === 63 && next === 46 && !isDigit(source.charCodeAt(start + 2)))
      return void this.push("punct", start, start + 2, "?.");
    if ((char === 43 || char === 45) && next === char)
      return void this.push("punct", start, start + 2, char === 43 ? "++" : "--");
    if (char === 46 && next === 46 && source.charCodeAt(start + 2) === 46)
      return void this.push("punct", start, start + 3, "...");
    const frame = this.frames.at(-1);
    if (frame?.angles !== undefined && (char === 60 || char === 62)) {
      if (char === 62 && frame.angles === 0) return this.close(start, ">");
      frame.angles += char === 60 ? 1 : -1;
    }
    this.push("punct", start, start + 1);
  }

  /** Whether the token before lets an expression start here (a regular expression, JSX). */
  private expressionStarts(): boolean {
    const last = this.tokens.at(-1);
    if (!last) return true;
    if (last.kind === "name") return operandKeywords.has(last.value);
    if (last.kind === "punct") return !endsOperand(last, this.tokens.at(-2));
    if (last.kind === "open") return true;
    return false;
  }

  push(kind: TokenKind, start: number, end: number, value?: string): Token {
    const frame = this.frames[this.frames.length - 1];
    const parent = frame === undefined ? -1 : frame.open;
    const text = value ?? (end - start === 1 ? this.source[start]! : this.source.slice(start, end));
    const token = new Token(kind, start, end, text, this.newline, parent);
    this.tokens.push(token);
    this.newline = false;
    this.position = end;
    return token;
  }

  private pushString(start: number, read: Quoted): void {
    const token = this.push("string", start, read.end, read.value);
    token.escaped = read.escaped;
  }

  /** An opener; `{` says whether it holds statements, from the token before it. */
  open(start: number, value: string, mode: Mode = "code", length = value.length): void {
    const inCode = (this.frames.at(-1)?.mode ?? "code") === "code";
    const statementBlock = value === "{" && inCode && this.opensBlock();
    const index = this.tokens.length;
    const token = this.push("open", start, start + length, value);
    token.statementBlock = statementBlock;
    this.frames.push({ open: index, mode, angles: undefined });
  }

  private opensBlock(): boolean {
    const last = this.tokens.at(-1);
    if (!last) return true;
    if (last.kind === "name" && ["else", "try", "finally", "do"].includes(last.value)) return true;
    if (last.kind === "close" && (last.value === ")" || last.value === "}")) return true;
    if (last.kind === "punct" && (last.value === "=>" || last.value === ";")) return true;
    return this.afterReturnType() || this.namespaceBody(last);
  }

  /** `declare global {`, `namespace N {`, `declare module "x" {`: a body of statements. */
  private namespaceBody(last: Token): boolean {
    const before = this.tokens.at(-2);
    if (last.kind === "name" && last.value === "global") return true;
    const word = before?.kind === "name" ? before.value : "";
    return (
      (last.kind === "name" || last.kind === "string") && ["namespace", "module"].includes(word)
    );
  }

  /** `f(): Promise<T> {`: a function body after a return type, found among the last tokens. */
  private afterReturnType(): boolean {
    const parent = this.frames.at(-1)?.open ?? -1;
    let index = this.tokens.length - 1;
    for (let steps = 0; steps < 64 && index > parent; steps++) {
      const token = this.tokens[index]!;
      if (token.kind === "punct" && [";", "=", ",", "=>"].includes(token.value)) return false;
      if (token.kind === "punct" && token.value === ":") {
        const before = this.tokens[index - 1];
        return before?.kind === "close" && before.value === ")";
      }
      index = token.kind === "close" ? token.pair - 1 : index - 1;
    }
    return false;
  }

  close(start: number, value: string, length = value.length): void {
    const frame = this.frames.pop();
    if (!frame) throw new UnsureError("closer without opener");
    const opener = this.tokens[frame.open]!;
    if (!matches(opener.value, value)) throw new UnsureError("mismatched bracket");
    if (frame.angles !== undefined) this.typeParameters--;
    opener.pair = this.tokens.length;
    const closer = this.push("close", start, start + length, value);
    closer.pair = frame.open;
  }

  private openTemplate(start: number): void {
    const plain = readPlainTemplate(this.source, start);
    if (plain) {
      const token = this.push("template", start, plain.end, plain.value);
      token.escaped = plain.escaped;
      return;
    }
    this.open(start, "`", "template", 1);
    this.position = start + 1;
  }

  /** Type parameters or arguments: read as code, without JSX, up to their matching `>`. */
  openTypeParameters(start: number): void {
    this.open(start, "<", "code", 1);
    this.frames.at(-1)!.angles = 0;
    this.typeParameters++;
  }

  private openJsx(start: number): void {
    this.open(start, "<", "jsx-tag-name", 1);
  }
}

function matches(opener: string, closer: string): boolean {
  if (opener === "(") return closer === ")";
  if (opener === "[") return closer === "]";
  if (opener === "{" || opener === "${") return closer === "}";
  if (opener === "`") return closer === "`";
  return opener === "<" && closer === ">";
}

/** `x++ /`, `a! <`: a postfix operator ends an operand, so what follows is an operator. */
function endsOperand(last: Token, before: Token | undefined): boolean {
  if (last.value === "++" || last.value === "--") return true;
  if (last.value !== "!" || !before || before.end !== last.start) return false;
  if (before.kind === "name") return !operandKeywords.has(before.value);
  return before.kind !== "punct" && before.kind !== "open";
}

function isDigit(char: number): boolean {
  return char >= 48 && char <= 57;
}
