import { Kind, Word, type PythonTokens } from "./python-tokens.js";

/**
 * `typeCheckingTest` on tokens: which branch of the if statement whose condition is [from, to) only
 * type checkers see. "unsure" when the condition, under `not` and parentheses, ends in
 * TYPE_CHECKING but is not `TYPE_CHECKING` or `a.b.TYPE_CHECKING` (`f().TYPE_CHECKING`, `x and
 * TYPE_CHECKING`): the parser decides those.
 */
export function typeCheckingCondition(
  tokens: PythonTokens,
  from: number,
  to: number,
): "consequence" | "alternative" | "unsure" | undefined {
  if (!namesTypeChecking(tokens, from, to)) return undefined;
  let negated = false;
  for (;;) {
    if (tokens.words[from] === Word.NOT && tokens.kinds[from] === Kind.NAME) {
      negated = !negated;
      from++;
    } else if (tokens.kinds[from] === Kind.OPEN && closes(tokens, from, to - 1)) {
      from++;
      to--;
    } else break;
  }
  // The parser looks for a name or an attribute as the whole condition; either ends in the
  // TYPE_CHECKING token. Any other last token (`TYPE_CHECKING is True`, a call) is a bigger
  // expression that the parser does not read as the guard either: plain runtime code.
  if (tokens.kinds[to - 1] !== Kind.NAME || tokens.words[to - 1] !== Word.TYPE_CHECKING)
    return undefined;
  if (!isTypeCheckingName(tokens, from, to)) return "unsure";
  return negated ? "alternative" : "consequence";
}

function namesTypeChecking(tokens: PythonTokens, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens.words[i] === Word.TYPE_CHECKING) return true;
  return false;
}

/** Whether the `(` at `open` is closed by the `)` at `close`. */
function closes(tokens: PythonTokens, open: number, close: number): boolean {
  if (tokens.words[open] !== 40 || tokens.kinds[close] !== Kind.CLOSE) return false;
  let depth = 0;
  for (let i = open; i <= close; i++) {
    if (tokens.kinds[i] === Kind.OPEN) depth++;
    else if (tokens.kinds[i] === Kind.CLOSE && --depth === 0) return i === close;
  }
  return false;
}

/** `TYPE_CHECKING`, or names joined by dots ending in `.TYPE_CHECKING`. */
function isTypeCheckingName(tokens: PythonTokens, from: number, to: number): boolean {
  if (to <= from || (to - from) % 2 === 0 || tokens.words[to - 1] !== Word.TYPE_CHECKING) {
    return false;
  }
  for (let i = from; i < to; i++) {
    const expected = (i - from) % 2 === 0 ? Kind.NAME : Kind.DOT;
    if (tokens.kinds[i] !== expected) return false;
  }
  return true;
}
