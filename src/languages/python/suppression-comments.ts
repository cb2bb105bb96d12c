import type { Suppression } from "../../graph/graph.js";
import type { ScanWarning } from "./raw-import.js";

/** A parsed `# archdrift: ignore[...] reason` comment. */
interface Directive {
  /** Undefined when the comment cannot be honoured; a warning says why. */
  readonly suppression: Suppression | undefined;
  /** Alone on its line, so it can speak for the statement on the next line. */
  readonly standalone: boolean;
}

export interface SuppressionComments {
  /** The suppression for a statement spanning these 1-based lines, if one is written next to it. */
  readonly forStatement: (firstLine: number, lastLine: number) => Suppression | undefined;
  readonly warnings: readonly ScanWarning[];
}

const directivePattern = /#\s*archdrift:\s*ignore\b(?:\[([^\]]*)\])?(.*)$/;

/** A comment's text (from `#` to the line break), its 1-based line and its offset in the file. */
export interface CommentSpan {
  readonly text: string;
  readonly line: number;
  readonly start: number;
}

/**
 * Reads every suppression comment of a file once, from its comments in source order (however they
 * were found: a syntax tree or the fast scanner's tokens); statements then look theirs up by line.
 */
export function suppressionsOf(comments: Iterable<CommentSpan>, text: string): SuppressionComments {
  const byLine = new Map<number, Directive>();
  const warnings: ScanWarning[] = [];
  for (const comment of comments) {
    const parsed = parseDirective(comment.text, comment.line);
    if (!parsed) continue;
    if ("problem" in parsed) warnings.push({ line: comment.line, message: parsed.problem });
    const suppression = "problem" in parsed ? undefined : parsed;
    byLine.set(comment.line, { suppression, standalone: isAlone(comment.start, text) });
  }
  return { forStatement: (first, last) => lookUp(byLine, first, last), warnings };
}

function lookUp(
  byLine: ReadonlyMap<number, Directive>,
  firstLine: number,
  lastLine: number,
): Suppression | undefined {
  for (let line = firstLine; line <= lastLine; line++) {
    const directive = byLine.get(line);
    // The nearest directive decides, even an invalid one: falling back to another would surprise.
    if (directive) return directive.suppression;
  }
  // A trailing comment on the line above belongs to the statement on that line, not to this one.
  const above = byLine.get(firstLine - 1);
  return above?.standalone ? above.suppression : undefined;
}

/** Exported for tests: the suppression a comment asks for, a problem with it, or undefined. */
export function parseDirective(
  comment: string,
  line: number,
): Suppression | { problem: string } | undefined {
  const match = directivePattern.exec(comment);
  if (!match) return undefined;
  const [, ruleList, rest = ""] = match;
  const rules = ruleList === undefined ? ["*"] : splitRules(ruleList);
  // A reason is what makes an accepted finding reviewable later; without one it is just a mute.
  const reason = rest.replace(/^[\s:\-–—]+/, "").trim();
  if (rules.length === 0) return { problem: `suppression names no rule: ${comment.trim()}` };
  if (reason === "") return { problem: `suppression needs a reason: ${comment.trim()}` };
  return { rules, reason, line };
}

function splitRules(list: string): string[] {
  return list
    .split(",")
    .map((rule) => rule.trim())
    .filter((rule) => rule !== "");
}

function isAlone(start: number, text: string): boolean {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  return text.slice(lineStart, start).trim() === "";
}
