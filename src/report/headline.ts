import { plural } from "./format.js";
import type { Summary, Verdict } from "./verdict.js";

export interface Headline {
  readonly verdict: Verdict;
  /** `3 errors, 1 warning — this PR adds architecture drift`, without the icon. */
  readonly text: string;
}

export function headlineOf(summary: Summary, verdict: Verdict): Headline {
  const counts = countWords(summary);
  if (verdict === "success") {
    const notices = summary.notices > 0 ? ` (${plural(summary.notices, "notice")})` : "";
    return { verdict, text: `no new architecture drift${notices}` };
  }
  return { verdict, text: `${counts.join(", ")} — this PR adds architecture drift` };
}

function countWords(summary: Summary): string[] {
  const words: string[] = [];
  if (summary.errors > 0) words.push(plural(summary.errors, "error"));
  if (summary.warnings > 0) words.push(plural(summary.warnings, "warning"));
  if (summary.notices > 0) words.push(plural(summary.notices, "notice"));
  return words;
}

/** The good news and the accepted findings, said after the verdict; empty when there are none. */
export function asideOf(summary: Summary): string {
  const parts: string[] = [];
  if (summary.improvements > 0) parts.push(plural(summary.improvements, "improvement"));
  if (summary.suppressed > 0) parts.push(`${plural(summary.suppressed, "finding")} suppressed`);
  return parts.join(", ");
}
