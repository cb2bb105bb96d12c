const BACKSLASH = 92;
const NEWLINE = 10;
const CR = 13;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const SINGLE = 39;
const DOUBLE = 34;
const HASH = 35;
const COLON = 58;

// What may follow a field's expression: a self-documenting `=`, then a conversion such as `!r`.
const conversion = /^(?:=[ \t]*)?(?:![rsa])?$/;
const prefixes = new Set(["r", "u", "b", "br", "rb", "f", "fr", "rf", "t", "tr", "rt"]);
const formattedPrefixes = new Set(["f", "fr", "rf", "t", "tr", "rt"]);

/** Whether `prefix` may precede a quote; undefined when it may not, then the file is not for us. */
export function stringPrefix(prefix: string): { formatted: boolean } | undefined {
  const lower = prefix.toLowerCase();
  return prefixes.has(lower) ? { formatted: formattedPrefixes.has(lower) } : undefined;
}

/**
 * The offset just past the string literal whose opening quote is at `quoteAt`, or -1 when the string
 * is unterminated or uses something the fast scanner does not vouch for (inside f-string fields:
 * the enclosing quote, backslashes, comments, line breaks in a one-line string): the parser decides.
 * A backslash always skips the next character, in raw strings too: `r"\""` is one string.
 * The [start, end) offsets of each f-string field's expression are appended to `fields`, for the
 * caller to check as code.
 */
export function stringEnd(
  text: string,
  quoteAt: number,
  formatted: boolean,
  fields: number[] = [],
): number {
  const quote = text.charCodeAt(quoteAt);
  const triple = text.charCodeAt(quoteAt + 1) === quote && text.charCodeAt(quoteAt + 2) === quote;
  let i = quoteAt + (triple ? 3 : 1);
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += escapeLength(text, i);
    else if (c === quote) {
      if (!triple) return i + 1;
      if (text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) return i + 3;
      i++;
    } else if ((c === NEWLINE || c === CR) && !triple) return -1;
    else if (formatted && c === OPEN_BRACE) {
      if (text.charCodeAt(i + 1) === OPEN_BRACE) i += 2;
      else i = fieldEnd(text, i + 1, quote, triple, fields);
      if (i < 0) return -1;
    } else if (formatted && c === CLOSE_BRACE) {
      if (text.charCodeAt(i + 1) !== CLOSE_BRACE) return -1;
      i += 2;
    } else i++;
  }
  return -1;
}

function escapeLength(text: string, at: number): number {
  return text.charCodeAt(at + 1) === CR && text.charCodeAt(at + 2) === NEWLINE ? 3 : 2;
}

/** Past the `}` closing a replacement field that starts at `i`, or -1. */
function fieldEnd(
  text: string,
  i: number,
  quote: number,
  triple: boolean,
  fields: number[],
): number {
  let depth = 0;
  const first = i;
  let expressionEnd = -1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // Line breaks in a field: tree-sitter's scanner and CPython disagree on some of them.
    if (c === BACKSLASH || c === HASH || c === NEWLINE || c === CR) return -1;
    // The enclosing quote nested in a field is new in Python 3.12, except in a triple-quoted string.
    if (c === quote && (!triple || text.charCodeAt(i + 1) === quote)) return -1;
    if (c === SINGLE || c === DOUBLE) {
      i = nestedStringEnd(text, i, fields);
      if (i < 0) return -1;
      continue;
    }
    if (depth === 0 && expressionEnd < 0 && endsExpression(text, i)) expressionEnd = i;
    if (c === 40 || c === 91 || c === OPEN_BRACE) depth++;
    else if (c === 41 || c === 93) depth--;
    else if (c === CLOSE_BRACE && depth > 0) depth--;
    else if (c === CLOSE_BRACE || (c === COLON && depth === 0)) {
      const end = expressionEnd < 0 ? i : expressionEnd;
      if (text.slice(first, end).trim() === "" || !conversion.test(text.slice(end, i))) return -1;
      // `{x:=>10}`: CPython reads a format spec, tree-sitter a walrus.
      if (c === COLON && text.charCodeAt(i + 1) === 61) return -1;
      fields.push(first, end);
      return c === CLOSE_BRACE ? i + 1 : specEnd(text, i + 1, quote, triple, fields);
    }
    if (depth < 0) return -1;
    i++;
  }
  return -1;
}

/** A conversion `!r` or a self-documenting `=` ends the expression (not `!=`, `==`, `<=`, `>=`). */
function endsExpression(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 33) return text.charCodeAt(i + 1) !== 61;
  if (c !== 61 || text.charCodeAt(i + 1) === 61) return false;
  const before = text.charCodeAt(i - 1);
  return before !== 61 && before !== 33 && before !== 60 && before !== 62;
}

/** A format spec after `:`: literal text with nested `{fields}`, up to the field's `}`. */
function specEnd(
  text: string,
  i: number,
  quote: number,
  triple: boolean,
  fields: number[],
): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === quote || c === BACKSLASH || c === NEWLINE || c === CR) return -1;
    if (c === CLOSE_BRACE) return i + 1;
    if (c === OPEN_BRACE) {
      i = fieldEnd(text, i + 1, quote, triple, fields);
      if (i < 0) return -1;
    } else i++;
  }
  return -1;
}

/** A string inside a field, with its prefix letters (already passed over) read back. */
function nestedStringEnd(text: string, quoteAt: number, fields: number[]): number {
  let start = quoteAt;
  while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
  const prefix = text.slice(start, quoteAt);
  const kind = stringPrefix(prefix);
  if (prefix !== "" && !kind) return -1;
  return stringEnd(text, quoteAt, kind?.formatted ?? false, fields);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c >= 48 && c <= 57);
}
