import { BracketRules } from "./bracket-rules.js";
import { isHardKeyword, Kind, Word, type PythonTokens } from "./python-tokens.js";

/** What the checker expects next while reading an expression's tokens left to right. */
export const Expect = {
  /** An operand must come: after a binary operator, `=`, `not`, `await`... */
  OPERAND: 0,
  /** An operand may come: after `(`, `,`, `lambda`, `yield`, `return`, or at a range's start. */
  OPTIONAL: 1,
  /** After an operand: an operator, a trailer, a closing bracket, or the end. */
  OPERATOR: 2,
  /** After a unary `*` or `**`: an operand, or `,` as in `def f(*, key)`. */
  STARRED: 3,
  /** After `.`: a name. */
  ATTRIBUTE: 4,
  /** After `not` that follows an operand: only `in`. */
  NOT_IN: 5,
  /** After `async` inside an expression: only `for`. */
  ASYNC_FOR: 6,
  /** After a subscript's `[`: an operand, or `:` as in `a[:2]`. */
  SLICE: 7,
} as const;

/**
 * Whether the tokens [from, to) can be a Python expression, statement tail or header, judged on
 * the order of tokens only (no tree): an operand never follows an operand, an operator never
 * follows an operator, statement keywords never sit inside. This is the fast path's guard against
 * syntax errors; it accepts a few things the grammar rejects (`f(*, a)` in a call, `class C + 1:`),
 * which committed code does not contain, and rejects things tree-sitter accepts (Python 2 `print x`),
 * which only costs a fallback.
 */
export function validTokenRun(
  tokens: PythonTokens,
  from: number,
  to: number,
  start: number,
  places = 0,
): boolean {
  let state = start;
  const rules = new BracketRules(places);
  for (let i = from; i < to; i++) {
    const afterOperand = state === Expect.OPERATOR;
    if (i > from && !(yieldAllowed(tokens, i) && lambdaAllowed(tokens, i))) return false;
    state = next(tokens, i, state);
    if (state < 0 || !rules.allows(tokens, i, afterOperand)) return false;
  }
  if (!rules.finish()) return false;
  if (state === Expect.OPERATOR) return true;
  // `x = 1,` and a bare `yield` end here; a statement ending in `:` is a header gone wrong.
  return state === Expect.OPTIONAL && (to === from || tokens.kinds[to - 1] !== Kind.COLON);
}

/** A bare `yield` starts a statement, follows `=` or opens parentheses; `x == yield` is wrong. */
function yieldAllowed(tokens: PythonTokens, i: number): boolean {
  if (tokens.kinds[i] !== Kind.NAME || tokens.words[i] !== Word.YIELD) return true;
  const before = tokens.kinds[i - 1];
  if (before === Kind.OPEN) return tokens.words[i - 1] === 40;
  return before === Kind.ASSIGN || before === Kind.AUGASSIGN;
}

/** A lambda is a whole expression: `x == lambda: 0` is wrong, `key=lambda v: v` is not. */
function lambdaAllowed(tokens: PythonTokens, i: number): boolean {
  if (tokens.kinds[i] !== Kind.NAME || tokens.words[i] !== Word.LAMBDA) return true;
  const before = tokens.kinds[i - 1];
  if (before === Kind.NAME)
    return tokens.words[i - 1] === Word.ELSE || tokens.words[i - 1] === Word.YIELD;
  return (
    before === Kind.OPEN ||
    before === Kind.COMMA ||
    before === Kind.COLON ||
    before === Kind.ASSIGN ||
    before === Kind.AUGASSIGN ||
    before === Kind.WALRUS
  );
}

function next(tokens: PythonTokens, i: number, current: number): number {
  const kind = tokens.kinds[i] ?? 0;
  if (current === Expect.SLICE && kind === Kind.COLON) return Expect.OPTIONAL;
  const state = current === Expect.SLICE ? Expect.OPERAND : current;
  if (state === Expect.ATTRIBUTE) {
    return kind === Kind.NAME && !isHardKeyword(tokens.words[i] ?? 0) ? Expect.OPERATOR : -1;
  }
  if (state === Expect.NOT_IN)
    return kind === Kind.NAME && tokens.words[i] === Word.IN ? Expect.OPERAND : -1;
  if (state === Expect.ASYNC_FOR)
    return kind === Kind.NAME && tokens.words[i] === Word.FOR ? Expect.OPERAND : -1;
  const after = state === Expect.OPERATOR;
  switch (kind) {
    case Kind.NAME:
      return afterName(tokens.words[i] ?? 0, state, tokens.words[i - 1] === Word.YIELD);
    case Kind.NUMBER:
    case Kind.ELLIPSIS:
      return after ? -1 : Expect.OPERATOR;
    case Kind.STRING:
      return !after || tokens.kinds[i - 1] === Kind.STRING ? Expect.OPERATOR : -1;
    case Kind.OPEN:
      // `{` after an operand is never valid; `(` and `[` are a call or a subscript.
      if (!after) return Expect.OPTIONAL;
      return tokens.words[i] === 123 ? -1 : tokens.words[i] === 91 ? Expect.SLICE : Expect.OPTIONAL;
    case Kind.CLOSE:
      return after || state === Expect.OPTIONAL ? Expect.OPERATOR : -1;
    case Kind.COMMA:
      return after || state === Expect.STARRED ? Expect.OPTIONAL : -1;
    case Kind.COLON:
      // Annotations, dict entries, lambda bodies, and slices such as `a[:]`, `a[::2]`.
      return after || state === Expect.OPTIONAL ? Expect.OPTIONAL : -1;
    case Kind.DOT:
      return after ? Expect.ATTRIBUTE : -1;
    case Kind.STAR:
      return after ? Expect.OPERAND : Expect.STARRED;
    case Kind.SIGN:
      return Expect.OPERAND;
    case Kind.TILDE:
      return after ? -1 : Expect.OPERAND;
    case Kind.SLASH:
      // The positional-only marker: `def f(a, /, b)`.
      if (!after && tokens.kinds[i - 1] === Kind.COMMA) return Expect.OPERATOR;
      return after ? Expect.OPERAND : -1;
    case Kind.ASSIGN:
    case Kind.AUGASSIGN:
    case Kind.WALRUS:
    case Kind.BINOP:
    case Kind.PIPE:
    case Kind.AT:
    case Kind.ARROW:
      return after ? Expect.OPERAND : -1;
    default:
      return -1;
  }
}

function afterName(word: number, state: number, afterYield: boolean): number {
  const after = state === Expect.OPERATOR;
  if (!isHardKeyword(word)) return after ? -1 : Expect.OPERATOR;
  switch (word) {
    case Word.NONE:
    case Word.TRUE:
    case Word.FALSE:
      return after ? -1 : Expect.OPERATOR;
    case Word.NOT:
      return after ? Expect.NOT_IN : Expect.OPERAND;
    case Word.AWAIT:
      return after ? -1 : Expect.OPERAND;
    case Word.LAMBDA:
    case Word.YIELD:
      return after ? -1 : Expect.OPTIONAL;
    case Word.FROM:
      return after || afterYield ? Expect.OPERAND : -1;
    case Word.ASYNC:
      return after ? Expect.ASYNC_FOR : -1;
    case Word.IN:
    case Word.IS:
    case Word.AND:
    case Word.OR:
    case Word.IF:
    case Word.ELSE:
    case Word.FOR:
    case Word.AS:
      return after ? Expect.OPERAND : -1;
    default:
      return -1;
  }
}
