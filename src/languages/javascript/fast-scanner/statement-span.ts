import type { Token } from "./token.js";

/** A statement's extent in the text: `pos` with the trivia before it, as TypeScript counts it. */
export interface StatementSpan {
  readonly pos: number;
  readonly start: number;
  readonly end: number;
}

/** TypeScript shows a statement around an import only up to this length (see import-statement-of). */
const window = 1_000;

/**
 * The innermost statement around the tokens `first`..`last` (an `import()` or `require()` call):
 * the run of tokens, at the level of the nearest block or the file, between the statement ends
 * before and after it (`;`, the end of a block, a line break where a statement must end). An
 * approximation of the syntax tree's statement, used only for the text an edge shows; undefined
 * when it would be longer than TypeScript ever shows.
 */
export function statementAround(
  tokens: readonly Token[],
  first: number,
  last: number,
): StatementSpan | undefined {
  let unit = first;
  let level = tokens[first]!.parent;
  while (level >= 0 && !tokens[level]!.statementBlock) {
    unit = level;
    level = tokens[level]!.parent;
  }
  const start = statementStart(tokens, unit, level, tokens[first]!.start - window);
  if (start === undefined) return undefined;
  const unitEnd = Math.max(tokens[unit]!.kind === "open" ? tokens[unit]!.pair : unit, last);
  const end = statementEnd(tokens, unitEnd, level, tokens[first]!.start + window);
  if (end === undefined) return undefined;
  const pos = start > 0 ? tokens[start - 1]!.end : 0;
  return { pos, start: tokens[start]!.start, end: tokens[end]!.end };
}

function statementStart(
  tokens: readonly Token[],
  from: number,
  level: number,
  limit: number,
): number | undefined {
  let index = from;
  for (;;) {
    const previous = index - 1;
    if (previous < 0 || previous === level) return index;
    const before = tokens[previous]!;
    if (before.kind === "punct" && before.value === ";") return index;
    if (before.kind === "close" && tokens[before.pair]!.statementBlock) return index;
    if (before.kind === "close" && before.value === ")" && headsStatement(tokens[before.pair - 1]))
      return index;
    if (before.kind === "name" && (before.value === "else" || before.value === "do")) return index;
    if (tokens[index]!.newlineBefore && endsStatement(before, tokens[index]!)) return index;
    if (before.start < limit) return undefined;
    index = before.kind === "close" ? before.pair : previous;
  }
}

function statementEnd(
  tokens: readonly Token[],
  from: number,
  level: number,
  limit: number,
): number | undefined {
  let index = from;
  for (;;) {
    const next = index + 1;
    const after = tokens[next];
    if (after === undefined || after.parent !== level) return index;
    if (after.kind === "punct" && after.value === ";") return next;
    if (after.newlineBefore && endsStatement(tokens[index]!, after)) return index;
    if (after.end > limit) return undefined;
    index = after.kind === "open" ? after.pair : next;
  }
}

/** `if (…)`, `while (…)`: the statement after the parenthesis is one of its own. */
function headsStatement(before: Token | undefined): boolean {
  return before?.kind === "name" && ["if", "for", "while", "with"].includes(before.value);
}

/** Words that continue an expression or a declaration on the next line. */
const continuing = new Set(["in", "instanceof", "of", "as", "satisfies", "extends", "implements"]);

/** Whether a line break between these two tokens ends a statement (automatic semicolons). */
export function endsStatement(before: Token, after: Token): boolean {
  if (after.kind !== "name" || continuing.has(after.value)) return false;
  if (before.kind === "punct") return before.value === "++" || before.value === "--";
  if (before.kind === "open") return false;
  if (before.kind === "name") return !operatorWords.has(before.value);
  return true;
}

const operatorWords = new Set([
  "typeof", "instanceof", "in", "of", "new", "delete", "void", "await", "yield", "as",
  "satisfies", "extends", "implements", "keyof", "case", "export", "import", "const", "let",
  "var", "type", "async", "function", "class", "readonly", "declare", "abstract", "static",
  "public", "private", "protected", "default",
]); // prettier-ignore
