import type { ExtractionWarning } from "../graph/graph.js";

/** One line of the warnings section: a warning alone, or every warning that shares a cause. */
export interface WarningLine {
  /** The warning shown, the first of its cause. */
  readonly first: ExtractionWarning;
  /** How many warnings the line stands for (1 for a warning without a cause). */
  readonly count: number;
}

/**
 * Warnings with a cause become one line per cause, where the first of them was, with a count; the
 * others stay one line each, in order. Three hundred imports of missing stylesheets are one
 * problem, and a list of three hundred lines would hide the warning that matters.
 */
export function warningLines(warnings: readonly ExtractionWarning[]): WarningLine[] {
  const lines: { first: ExtractionWarning; count: number }[] = [];
  const byCause = new Map<string, { first: ExtractionWarning; count: number }>();
  for (const warning of warnings) {
    const grouped = warning.cause === undefined ? undefined : byCause.get(warning.cause);
    if (grouped) {
      grouped.count++;
      continue;
    }
    const line = { first: warning, count: 1 };
    lines.push(line);
    if (warning.cause !== undefined) byCause.set(warning.cause, line);
  }
  return lines;
}

/** `and 11 more imports of files that are not in the commit`, or nothing for a line of one. */
export function moreOfCause(line: WarningLine): string | undefined {
  if (line.first.cause === undefined || line.count === 1) return undefined;
  return `and ${(line.count - 1).toLocaleString("en-US")} more ${line.first.cause}`;
}
