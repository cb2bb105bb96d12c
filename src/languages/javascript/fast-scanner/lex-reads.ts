import type { LexerState as Lexer } from "./lexer-state.js";
import { UnsureError } from "./token.js";

/*
 * The character-level reads of the lexer: each takes the text and a start, returns where the
 * read ends, and throws `UnsureError` for a literal or comment left open at the end of the file.
 */

/**
 * The end of the whitespace and comments at `start`; `-end - 1` when they hold a line break (one
 * number, so the hottest read of the lexer allocates nothing).
 */
export function skipTrivia(source: string, start: number): number {
  let position = start;
  let newline = false;
  while (position < source.length) {
    const char = source.charCodeAt(position);
    if (char === 10 || char === 13 || char === 0x2028 || char === 0x2029) {
      newline = true;
      position++;
    } else if (char === 32 || char === 9 || char === 11 || char === 12) {
      position++;
    } else if (char === 47 && source.charCodeAt(position + 1) === 47) {
      const end = nextLineBreak(source, position);
      position = end;
    } else if (char === 47 && source.charCodeAt(position + 1) === 42) {
      const end = source.indexOf("*/", position + 2);
      if (end < 0) throw new UnsureError("unclosed comment");
      if (hasLineBreak(source, position, end)) newline = true;
      position = end + 2;
    } else if (char > 127 && /\s/.test(source[position]!)) {
      position++;
    } else {
      break;
    }
  }
  return newline ? -position - 1 : position;
}

function nextLineBreak(source: string, start: number): number {
  for (let position = start; position < source.length; position++) {
    const char = source.charCodeAt(position);
    if (char === 10 || char === 13 || char === 0x2028 || char === 0x2029) return position;
  }
  return source.length;
}

function hasLineBreak(source: string, start: number, end: number): boolean {
  return nextLineBreak(source, start) < end;
}

/** Letters, `_`, `$`, `#` (private names), `\` (escapes) and anything outside ASCII. */
export function isNameStart(char: number): boolean {
  return (
    (char >= 97 && char <= 122) ||
    (char >= 65 && char <= 90) ||
    char === 95 ||
    char === 36 ||
    char === 35 ||
    char === 92 ||
    char > 127
  );
}

function isNamePart(char: number): boolean {
  return isNameStart(char) || (char >= 48 && char <= 57);
}

export function readName(source: string, start: number): number {
  let position = start + 1;
  while (position < source.length && isNamePart(source.charCodeAt(position))) position++;
  return position;
}

/** Digits, letters, `_` and `.`, and a sign right after a decimal exponent. */
export function readNumber(source: string, start: number): number {
  const hex = /^0[xX]/.test(source.slice(start, start + 2));
  let position = start;
  while (position < source.length) {
    const char = source.charCodeAt(position);
    if (isNamePart(char) || char === 46) position++;
    else if ((char === 43 || char === 45) && !hex && /[eE]/.test(source[position - 1]!)) position++;
    else break;
  }
  return position;
}

export interface Quoted {
  readonly end: number;
  readonly value: string;
  /** The literal holds an escape: its value is not the text between the quotes. */
  readonly escaped: boolean;
}

export function readQuoted(source: string, start: number): Quoted {
  const quote = source.charCodeAt(start);
  let escaped = false;
  for (let position = start + 1; position < source.length; position++) {
    const char = source.charCodeAt(position);
    if (char === quote) {
      return { end: position + 1, value: source.slice(start + 1, position), escaped };
    }
    if (char === 92) {
      escaped = true;
      position++;
    } else if (char === 10 || char === 13) {
      break;
    }
  }
  throw new UnsureError("unclosed string");
}

export function readRegex(source: string, start: number): number {
  let inClass = false;
  for (let position = start + 1; position < source.length; position++) {
    const char = source.charCodeAt(position);
    if (char === 92) position++;
    else if (char === 10 || char === 13) break;
    else if (char === 91) inClass = true;
    else if (char === 93) inClass = false;
    else if (char === 47 && !inClass) {
      let end = position + 1;
      while (end < source.length && isNamePart(source.charCodeAt(end))) end++;
      return end;
    }
  }
  throw new UnsureError("unclosed regular expression");
}

/** A template literal without `${`: one token, a string a `require` or `import()` may name. */
export function readPlainTemplate(source: string, start: number): Quoted | undefined {
  let escaped = false;
  for (let position = start + 1; position < source.length; position++) {
    const char = source.charCodeAt(position);
    if (char === 96)
      return { end: position + 1, value: source.slice(start + 1, position), escaped };
    if (char === 92) {
      escaped = true;
      position++;
    } else if (char === 36 && source.charCodeAt(position + 1) === 123) {
      return undefined;
    }
  }
  throw new UnsureError("unclosed template");
}

/** Inside a template literal with substitutions: up to its end or its next `${`. */
export function readTemplateChars(lexer: Lexer): void {
  const source = lexer.source;
  for (let position = lexer.position; position < source.length; position++) {
    const char = source.charCodeAt(position);
    if (char === 92) {
      position++;
    } else if (char === 96) {
      lexer.close(position, "`");
      return;
    } else if (char === 36 && source.charCodeAt(position + 1) === 123) {
      lexer.open(position, "${", "code");
      return;
    }
  }
  throw new UnsureError("unclosed template");
}
