import type { BracketLevel } from "./bracket-level.js";
import { isHardKeyword, Kind, Word, type PythonTokens } from "./python-tokens.js";

/** Patterns hold names, literals, `*rest`, `**rest`, `|`, `as`, `=` in class patterns, and `-1`. */
export function patternToken(kind: number, word: number, afterOperand: boolean): boolean {
  if (kind === Kind.NAME) {
    return (
      !isHardKeyword(word) ||
      word === Word.AS ||
      word === Word.NONE ||
      word === Word.TRUE ||
      word === Word.FALSE
    );
  }
  if (kind === Kind.STAR) return !afterOperand;
  return (
    kind !== Kind.BINOP &&
    kind !== Kind.SLASH &&
    kind !== Kind.AT &&
    kind !== Kind.TILDE &&
    kind !== Kind.WALRUS &&
    kind !== Kind.AUGASSIGN &&
    kind !== Kind.ARROW
  );
}

/**
 * What tree-sitter takes as a statement's annotation outside brackets: names, dots, strings, `|`,
 * `None`, up to the `=`. CPython takes any expression, but `x: a == b` is not worth a difference.
 */
export function annotationToken(kind: number, word: number): boolean {
  if (kind === Kind.NAME) return !isHardKeyword(word) || word === Word.NONE;
  return (
    kind === Kind.DOT ||
    kind === Kind.OPEN ||
    kind === Kind.STRING ||
    kind === Kind.PIPE ||
    kind === Kind.ASSIGN
  );
}

/** Where a token stands, for `tokenPairOk`. */
export interface TokenSurroundings {
  readonly top: BracketLevel;
  /** Outside all brackets of the range. */
  readonly outside: boolean;
  /** The range is an expression statement. */
  readonly statement: boolean;
  /** Inside a case pattern, before its guard. */
  readonly pattern: boolean;
  /** `as` may bind a name here: with, except and case headers. */
  readonly binds: boolean;
  /** A `raise ... from` has been read. */
  readonly raisedFrom: boolean;
}

/**
 * Token pairs that only some places allow: `,` or a closing bracket right after `:` (only in a
 * subscript, `a[1:]`), `*` right after `:` or before `,` (only in parameters, read elsewhere),
 * `a[x]` inside a pattern, a walrus outside brackets in a statement or after a dotted name.
 */
export function tokenPairOk(
  tokens: PythonTokens,
  i: number,
  afterOperand: boolean,
  around: TokenSurroundings,
): boolean {
  const { top } = around;
  const kind = tokens.kinds[i];
  const before = tokens.kinds[i - 1];
  const subscript = top.opener === 91 && top.call;
  if (before === Kind.COLON && (kind === Kind.COMMA || kind === Kind.CLOSE)) return subscript;
  const parameters = top.parameters !== undefined;
  if (before === Kind.COLON && kind === Kind.STAR) return parameters;
  if (before === Kind.STAR && !afterOperand && kind === Kind.COMMA) return parameters;
  if (kind === Kind.COLON && subscript && ++top.colons > 2) return false;
  if (kind === Kind.COMMA) top.colons = 0;
  if (kind === Kind.WALRUS) {
    const statement = around.outside && around.statement;
    return !statement && before === Kind.NAME && tokens.kinds[i - 2] !== Kind.DOT;
  }
  if (around.pattern) {
    if (kind === Kind.OPEN && tokens.words[i] === 91 && afterOperand) return false;
    if (kind === Kind.DOT && tokens.kinds[i - 2] === Kind.STAR) return false;
  }
  if (kind === Kind.COMMA && around.raisedFrom && around.outside) return false;
  // `as` binds names in with, except and case headers only.
  if (kind === Kind.NAME && tokens.words[i] === Word.AS) return around.binds;
  return true;
}
