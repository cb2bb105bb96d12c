import { Places } from "./bracket-rules.js";
import {
  argumentWords,
  compoundWords,
  topLevelCount,
  typeParameters,
} from "./python-block-rules.js";
import { Kind, Word, type PythonTokens } from "./python-tokens.js";
import { Expect, validTokenRun } from "./token-run-check.js";

/**
 * Whether a simple statement other than an import, tokens [start, end), is sound: `pass` alone,
 * `return`, `raise ... from`, `del`/`global`/`nonlocal`/`assert` with their arguments, a type
 * alias, or an expression statement with its assignments. Compound keywords here are misplaced.
 */
export function validSimpleStatement(tokens: PythonTokens, start: number, end: number): boolean {
  const { kinds, words } = tokens;
  const word = kinds[start] === Kind.NAME ? (words[start] ?? Word.PLAIN) : -1;
  const second = kinds[start + 1] === Kind.NAME && start + 1 < end ? words[start + 1] : -1;
  if (word === Word.PASS || word === Word.BREAK || word === Word.CONTINUE) return end === start + 1;
  if (word === Word.RETURN || word === Word.RAISE) {
    const places = word === Word.RAISE ? Places.RAISE : 0;
    return validTokenRun(tokens, start + 1, end, Expect.OPTIONAL, places);
  }
  if (argumentWords.has(word)) {
    // `del a,` is a tuple of targets; `assert x,` and `global a,` are wrong.
    const trailing = kinds[end - 1] === Kind.COMMA && word !== Word.DEL;
    return end > start + 1 && !trailing && validTokenRun(tokens, start + 1, end, Expect.OPERAND);
  }
  if (word === Word.TYPE && second === Word.PLAIN) return typeAlias(tokens, start, end);
  if (compoundWords.has(word) || kinds[start] === Kind.AT) return false;
  return validTokenRun(tokens, start, end, Expect.OPERAND, Places.STATEMENT);
}

/** `type X[T] = value`: the value is one expression, never a bare tuple. */
function typeAlias(tokens: PythonTokens, start: number, end: number): boolean {
  if (topLevelCount(tokens, start, end, Kind.COMMA) > 0) return false;
  if (topLevelCount(tokens, start, end, Kind.ASSIGN) !== 1) return false;
  // Tree-sitter reads the value as a type, where a slice or a bound is not what it expects.
  for (let i = start; i < end; i++) if (tokens.kinds[i] === Kind.COLON) return false;
  const params = start + 2;
  const { kinds, words } = tokens;
  if (kinds[params] === Kind.OPEN && words[params] === 91 && !typeParameters(tokens, params)) {
    return false;
  }
  return validTokenRun(tokens, start + 1, end, Expect.OPERAND, Places.STATEMENT);
}
