import { Kind } from "./python-tokens.js";

/**
 * The operator token at `at`, packed as `kind * 4 + length`, or -1 for a character Python has no
 * use for. Read from char codes into a number: this runs for a third of the tokens of every file,
 * and an object (or a two-character slice) each time was much of the scanner's garbage.
 */
export function operatorAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  const d = text.charCodeAt(at + 1);
  if (c === 46 && d === 46 && text.charCodeAt(at + 2) === 46) return Kind.ELLIPSIS * 4 + 3;
  if (c === d && text.charCodeAt(at + 2) === 61 && tripleAugmented.has(c)) {
    return Kind.AUGASSIGN * 4 + 3;
  }
  const double = c < 128 && d < 128 ? doubles.get(c * 128 + d) : undefined;
  if (double !== undefined) return double * 4 + 2;
  const single = c < 128 ? (singles[c] ?? -1) : -1;
  return single < 0 ? -1 : single * 4 + 1;
}

/** `**=`, `//=`, `>>=`, `<<=`. */
const tripleAugmented = new Set(["*", "/", ">", "<"].map((char) => char.charCodeAt(0)));

const doubles = new Map<number, number>(
  (
    [
      ["**", Kind.STAR],
      ["//", Kind.BINOP],
      ["<<", Kind.BINOP],
      [">>", Kind.BINOP],
      ["<=", Kind.BINOP],
      [">=", Kind.BINOP],
      ["==", Kind.BINOP],
      ["!=", Kind.BINOP],
      ["->", Kind.ARROW],
      [":=", Kind.WALRUS],
      ...["+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="].map(
        (op) => [op, Kind.AUGASSIGN] as [string, number],
      ),
    ] as [string, number][]
  ).map(([op, kind]) => [op.charCodeAt(0) * 128 + op.charCodeAt(1), kind]),
);

const singles = new Int8Array(128).fill(-1);
for (const [char, kind] of [
  ["*", Kind.STAR],
  ["+", Kind.SIGN],
  ["-", Kind.SIGN],
  ["~", Kind.TILDE],
  ["@", Kind.AT],
  ["/", Kind.SLASH],
  ["%", Kind.BINOP],
  ["<", Kind.BINOP],
  [">", Kind.BINOP],
  ["|", Kind.PIPE],
  ["&", Kind.BINOP],
  ["^", Kind.BINOP],
  [",", Kind.COMMA],
  [":", Kind.COLON],
  [".", Kind.DOT],
  [";", Kind.SEMI],
  ["=", Kind.ASSIGN],
] as [string, number][]) {
  singles[char.charCodeAt(0)] = kind;
}
