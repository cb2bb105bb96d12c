import { isHardKeyword, Kind, Word, type PythonTokens } from "./python-tokens.js";
import { Places } from "./bracket-rules.js";
import { ParameterList } from "./parameter-list.js";
import { Expect, validTokenRun } from "./token-run-check.js";

/** What the previous statement of a block allows next: `elif` after `if`, `except` after `try`... */
export const Last = {
  NONE: 0,
  IF: 1,
  LOOP: 2,
  TRY: 3,
  EXCEPT: 4,
  TRY_ELSE: 5,
  DECORATOR: 6,
} as const;

/** Keywords that start a compound statement (a header ending in `:`), besides `async`. */
export const compoundWords: ReadonlySet<number> = new Set<number>([
  Word.IF,
  Word.ELIF,
  Word.ELSE,
  Word.WHILE,
  Word.FOR,
  Word.TRY,
  Word.EXCEPT,
  Word.FINALLY,
  Word.WITH,
  Word.DEF,
  Word.CLASS,
]);

/** Simple statements whose keyword must be followed by an expression. */
export const argumentWords: ReadonlySet<number> = new Set<number>([
  Word.DEL,
  Word.GLOBAL,
  Word.NONLOCAL,
  Word.ASSERT,
]);

/** Whether a statement starting with `head` may follow the block's previous statement `last`. */
export function follows(
  block: { readonly last: number; readonly matchBody: boolean },
  head: number,
  decorator: boolean,
): boolean {
  if (block.matchBody) return head === Word.CASE;
  switch (block.last) {
    case Last.TRY:
      return head === Word.EXCEPT || head === Word.FINALLY;
    case Last.DECORATOR:
      return decorator || head === Word.DEF || head === Word.CLASS || head === Word.ASYNC;
  }
  switch (head) {
    case Word.ELIF:
      return block.last === Last.IF;
    case Word.ELSE:
      return block.last === Last.IF || block.last === Last.LOOP || block.last === Last.EXCEPT;
    case Word.EXCEPT:
      return block.last === Last.EXCEPT;
    case Word.FINALLY:
      return block.last === Last.EXCEPT || block.last === Last.TRY_ELSE;
    default:
      return true;
  }
}

/** The block's `last` once a header with keyword `word` has been read. */
export function lastAfter(word: number, previous: number): number {
  switch (word) {
    case Word.IF:
    case Word.ELIF:
      return Last.IF;
    case Word.ELSE:
      return previous === Last.EXCEPT ? Last.TRY_ELSE : Last.NONE;
    case Word.WHILE:
    case Word.FOR:
      return Last.LOOP;
    case Word.TRY:
      return Last.TRY;
    case Word.EXCEPT:
      return Last.EXCEPT;
    default:
      return Last.NONE;
  }
}

/**
 * The `:` that ends the header starting at `start`: the first one outside brackets. -1 when there
 * is none, or when a lambda outside brackets comes first and its own `:` could be the one.
 */
export function blockColon(tokens: PythonTokens, start: number, end: number): number {
  const { kinds, words } = tokens;
  let depth = 0;
  for (let i = start; i < end; i++) {
    const kind = kinds[i];
    if (kind === Kind.OPEN) depth++;
    else if (kind === Kind.CLOSE) depth--;
    else if (depth === 0 && kind === Kind.COLON) return i;
    else if (depth === 0 && kind === Kind.NAME && words[i] === Word.LAMBDA) return -1;
  }
  return -1;
}

/**
 * `def name[T](...) -> R` or `class Name[T](...)`, up to the colon. Type parameter defaults
 * (PEP 696) are refused: the grammar we check against does not know them.
 */
export function definitionHeader(
  tokens: PythonTokens,
  start: number,
  colon: number,
  isDef: boolean,
): boolean {
  const { kinds, words } = tokens;
  if (kinds[start + 1] !== Kind.NAME || isHardKeyword(words[start + 1] ?? 0)) return false;
  let at = start + 2;
  if (kinds[at] === Kind.OPEN && words[at] === 91) {
    if (!typeParameters(tokens, at)) return false;
    at = matchingClose(tokens, at) + 1;
  }
  if (kinds[at] === Kind.OPEN && words[at] === 40) at = matchingClose(tokens, at) + 1;
  else if (isDef) return false;
  const returns = isDef && kinds[at] === Kind.ARROW && at + 1 < colon;
  // `-> T,` would be a tuple: a return annotation is one expression.
  const shapeOk = at === colon || (returns && topLevelCount(tokens, at, colon, Kind.COMMA) === 0);
  const places = isDef ? Places.PARAMETERS : 0;
  return shapeOk && validTokenRun(tokens, start + 2, colon, Expect.OPERATOR, places);
}

/** How many tokens of `kind` the range [from, to) holds outside brackets. */
export function topLevelCount(
  tokens: PythonTokens,
  from: number,
  to: number,
  kind: number,
): number {
  let depth = 0;
  let count = 0;
  for (let i = from; i < to; i++) {
    const current = tokens.kinds[i];
    if (current === Kind.OPEN) depth++;
    else if (current === Kind.CLOSE) depth--;
    else if (current === kind && depth === 0) count++;
  }
  return count;
}

function matchingClose(tokens: PythonTokens, open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.count; i++) {
    if (tokens.kinds[i] === Kind.OPEN) depth++;
    else if (tokens.kinds[i] === Kind.CLOSE && --depth === 0) return i;
  }
  return tokens.count;
}

/**
 * `[T: bound, *Ts, **P]` after a def, class or type alias name: parameters without defaults
 * (PEP 696 defaults are unknown to the grammar we check against).
 */
export function typeParameters(tokens: PythonTokens, open: number): boolean {
  const close = matchingClose(tokens, open);
  const list = new ParameterList(true);
  let depth = 0;
  for (let i = open + 1; i < close; i++) {
    const kind = tokens.kinds[i] ?? 0;
    if (depth === 0) {
      if (kind === Kind.ASSIGN || kind === Kind.SLASH) return false;
      const double = (tokens.ends[i] ?? 0) - (tokens.starts[i] ?? 0) === 2;
      if (!list.accept(kind, tokens.words[i] ?? 0, double)) return false;
    }
    if (kind === Kind.OPEN) depth++;
    else if (kind === Kind.CLOSE) depth--;
  }
  return close > open + 1 && list.complete();
}
