/**
 * The token stream of the fast import scanner, stored as parallel typed arrays: a file of 10,000
 * tokens then costs four allocations instead of 10,000 objects, which is most of the scanner's speed.
 */
export interface PythonTokens {
  readonly count: number;
  readonly kinds: Uint8Array;
  /** A `Word` for NAME tokens (0 for a plain identifier), the bracket's char code for OPEN. */
  readonly words: Uint16Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** [start, end) offsets of the comments that may hold a suppression directive. */
  readonly directiveComments: readonly (readonly [number, number])[];
}

export const Kind = {
  NAME: 1,
  NUMBER: 2,
  STRING: 3,
  OPEN: 4,
  CLOSE: 5,
  COMMA: 6,
  COLON: 7,
  DOT: 8,
  SEMI: 9,
  ASSIGN: 10,
  AUGASSIGN: 11,
  ARROW: 12,
  ELLIPSIS: 13,
  /** `*` and `**`: multiplication, or unpacking where an operand is expected. */
  STAR: 14,
  /** `+` and `-`: binary or unary. */
  SIGN: 15,
  TILDE: 16,
  /** `@`: a decorator at a statement's start, matrix multiplication elsewhere. */
  AT: 17,
  /** `/`: division, or the positional-only marker in a parameter list. */
  SLASH: 18,
  /** Every other binary operator: comparisons, shifts, bitwise, `//`, `%`. */
  BINOP: 19,
  WALRUS: 20,
  /** `|`: a binary operator, and the only one a `case` pattern may hold. */
  PIPE: 24,
  NEWLINE: 21,
  INDENT: 22,
  DEDENT: 23,
} as const;

/** Keywords (hard ones first) and the soft keywords and names the scanner cares about. */
export const Word = {
  PLAIN: 0,
  FALSE: 1,
  NONE: 2,
  TRUE: 3,
  AND: 4,
  AS: 5,
  ASSERT: 6,
  ASYNC: 7,
  AWAIT: 8,
  BREAK: 9,
  CLASS: 10,
  CONTINUE: 11,
  DEF: 12,
  DEL: 13,
  ELIF: 14,
  ELSE: 15,
  EXCEPT: 16,
  FINALLY: 17,
  FOR: 18,
  FROM: 19,
  GLOBAL: 20,
  IF: 21,
  IMPORT: 22,
  IN: 23,
  IS: 24,
  LAMBDA: 25,
  NONLOCAL: 26,
  NOT: 27,
  OR: 28,
  PASS: 29,
  RAISE: 30,
  RETURN: 31,
  TRY: 32,
  WHILE: 33,
  WITH: 34,
  YIELD: 35,
  // Soft keywords and special names: identifiers everywhere the grammar allows one.
  MATCH: 40,
  CASE: 41,
  TYPE: 42,
  LAZY: 43,
  TYPE_CHECKING: 44,
} as const;

const wordNames: Record<string, number> = {
  False: Word.FALSE,
  None: Word.NONE,
  True: Word.TRUE,
  and: Word.AND,
  as: Word.AS,
  assert: Word.ASSERT,
  async: Word.ASYNC,
  await: Word.AWAIT,
  break: Word.BREAK,
  class: Word.CLASS,
  continue: Word.CONTINUE,
  def: Word.DEF,
  del: Word.DEL,
  elif: Word.ELIF,
  else: Word.ELSE,
  except: Word.EXCEPT,
  finally: Word.FINALLY,
  for: Word.FOR,
  from: Word.FROM,
  global: Word.GLOBAL,
  if: Word.IF,
  import: Word.IMPORT,
  in: Word.IN,
  is: Word.IS,
  lambda: Word.LAMBDA,
  nonlocal: Word.NONLOCAL,
  not: Word.NOT,
  or: Word.OR,
  pass: Word.PASS,
  raise: Word.RAISE,
  return: Word.RETURN,
  try: Word.TRY,
  while: Word.WHILE,
  with: Word.WITH,
  yield: Word.YIELD,
  match: Word.MATCH,
  case: Word.CASE,
  type: Word.TYPE,
  lazy: Word.LAZY,
  TYPE_CHECKING: Word.TYPE_CHECKING,
};

const words = new Map(Object.entries(wordNames));

/** Candidate words by first char code, so that `wordAt` compares in place. */
const wordsByFirst = new Map<number, [string, number][]>();
for (const [name, word] of words) {
  const first = name.charCodeAt(0);
  wordsByFirst.set(first, [...(wordsByFirst.get(first) ?? []), [name, word]]);
}

/** The `Word` of the name [start, end) of `text`, compared in place: most names are not keywords. */
export function wordAt(text: string, start: number, end: number): number {
  const candidates = wordsByFirst.get(text.charCodeAt(start));
  if (candidates === undefined) return Word.PLAIN;
  const length = end - start;
  for (const [name, word] of candidates) {
    if (name.length === length && text.startsWith(name, start)) return word;
  }
  return Word.PLAIN;
}

/** A keyword that can never be an identifier (`None`, `True` and `False` are values, not names). */
export function isHardKeyword(word: number): boolean {
  return word !== Word.PLAIN && word < Word.MATCH;
}
