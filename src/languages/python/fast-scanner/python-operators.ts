import { Kind } from "./python-tokens.js";

/** An operator token at `at`: its kind and length, or undefined for a character Python has no use for. */
export function operatorAt(text: string, at: number): { kind: number; length: number } | undefined {
  const c = text.charAt(at);
  const two = text.slice(at, at + 2);
  const three = text.slice(at, at + 3);
  if (three === "...") return { kind: Kind.ELLIPSIS, length: 3 };
  if (three === "**=" || three === "//=" || three === ">>=" || three === "<<=") {
    return { kind: Kind.AUGASSIGN, length: 3 };
  }
  const double = doubles.get(two);
  if (double !== undefined) return { kind: double, length: 2 };
  const single = singles.get(c);
  return single === undefined ? undefined : { kind: single, length: 1 };
}

const doubles = new Map<string, number>([
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
]);

const singles = new Map<string, number>([
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
]);
