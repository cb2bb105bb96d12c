import type { LexerState as Lexer } from "./lexer-state.js";
import { isNameStart } from "./lex-reads.js";
import { UnsureError } from "./token.js";

/*
 * JSX, read as TypeScript reads it in .tsx, .jsx and .js files: a tag's attributes, its text and
 * its `{…}` containers, whose code the lexer reads as any other. Text like `Don't` is text, never
 * the start of a string. What does not look like a tag (`<T,>() => …` in a .tsx file) is left to
 * the reference parser.
 */

const jsxNamePart = /[\w$\-.:]/;

export function readJsxTag(lexer: Lexer): void {
  const frame = lexer.frames.at(-1)!;
  if (!lexer.skipTrivia()) throw new UnsureError("unclosed JSX tag");
  const source = lexer.source;
  const start = lexer.position;
  const char = source[start]!;
  if (frame.mode === "jsx-tag-name") {
    frame.mode = "jsx-tag";
    if (char === ">") {
      frame.mode = "jsx-children";
      lexer.position = start + 1;
      return;
    }
    if (!isNameStart(source.charCodeAt(start))) throw new UnsureError("not a JSX tag");
    lexer.position = readJsxName(source, start);
    lexer.skipTrivia();
    const next = source[lexer.position];
    if (next === ",") throw new UnsureError("a type parameter, not a JSX tag");
    if (next === "<") lexer.openTypeParameters(lexer.position); // `<Select<Value> …>`
    return;
  }
  if (char === "/" && source[start + 1] === ">") return lexer.close(start, ">", 2);
  if (char === ">") {
    frame.mode = "jsx-children";
    lexer.position = start + 1;
    return;
  }
  if (char === "{") return lexer.open(start, "{", "code");
  if (!isNameStart(source.charCodeAt(start))) throw new UnsureError("not a JSX attribute");
  readAttribute(lexer, readJsxName(source, start));
}

function readJsxName(source: string, start: number): number {
  let position = start + 1;
  while (position < source.length && jsxNamePart.test(source[position]!)) position++;
  return position;
}

function readAttribute(lexer: Lexer, nameEnd: number): void {
  lexer.position = nameEnd;
  lexer.skipTrivia();
  const source = lexer.source;
  if (source[lexer.position] !== "=") return;
  lexer.position++;
  lexer.skipTrivia();
  const start = lexer.position;
  const quote = source[start];
  if (quote === "{") return lexer.open(start, "{", "code");
  if (quote !== '"' && quote !== "'") throw new UnsureError("not a JSX attribute value");
  const end = source.indexOf(quote, start + 1);
  if (end < 0) throw new UnsureError("unclosed JSX attribute");
  lexer.position = end + 1;
}

/** JSX text up to the next `{` or tag; a closing tag ends the element. */
export function readJsxChildren(lexer: Lexer): void {
  const source = lexer.source;
  const position = nextSpecial(source, lexer.position);
  if (position < 0) throw new UnsureError("unclosed JSX element");
  if (source[position] === "{") return lexer.open(position, "{", "code");
  let after = position + 1;
  while (after < source.length && /\s/.test(source[after]!)) after++;
  if (source[after] !== "/") return lexer.open(position, "<", "jsx-tag-name", 1);
  const end = source.indexOf(">", after);
  if (end < 0 || !/^[\w$\-.:\s]*$/.test(source.slice(after + 1, end)))
    throw new UnsureError("not a closing tag");
  lexer.close(position, ">", end + 1 - position);
}

function nextSpecial(source: string, start: number): number {
  for (let position = start; position < source.length; position++) {
    const char = source.charCodeAt(position);
    if (char === 123 || char === 60) return position;
  }
  return -1;
}
