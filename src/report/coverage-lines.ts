import { excludedCount, notReviewedCount, type Coverage } from "../drift/coverage.js";
import { formatNumber, plural } from "./format.js";

/** How many paths of a group a report names before `and N more` (JSON lists them all). */
const shownPaths = 3;

/** What to do about files not reviewed: decide once, and the warning goes away. */
export const notReviewedHint =
  "exclude what is not part of the architecture (exclude: in the config); give the rest a source root (roots:)";

/** One reason files were not reviewed, as the text and markdown reports show it. */
export interface NotReviewedLine {
  readonly reason: string;
  readonly count: number;
  readonly shown: readonly string[];
  /** How many paths are not named. */
  readonly more: number;
}

/** `2 of 17 source files reviewed · 3 excluded · 12 not reviewed`: always said, even when all is well. */
export function coverageSentence(coverage: Coverage): string {
  const parts = [
    `${formatNumber(coverage.reviewed)} of ${plural(coverage.files, "Python/JavaScript/TypeScript file")} reviewed`,
  ];
  const excluded = excludedCount(coverage);
  if (excluded > 0) parts.push(`${formatNumber(excluded)} excluded (${excludedRules(coverage)})`);
  const missing = notReviewedCount(coverage);
  if (missing > 0) parts.push(`${formatNumber(missing)} not reviewed`);
  return parts.join(" · ");
}

/** Each rule with its count, `(config)` after the ones the config added: names a user can look up. */
function excludedRules(coverage: Coverage): string {
  return coverage.excluded
    .map(
      (group) => `${group.rule}${group.isDefault ? "" : " (config)"}: ${formatNumber(group.count)}`,
    )
    .join(", ");
}

/** The headline's warning when files were left unread, else undefined. */
export function notReviewedWarning(coverage: Coverage | undefined): string | undefined {
  if (coverage === undefined) return undefined;
  const missing = notReviewedCount(coverage);
  if (missing === 0) return undefined;
  return `${formatNumber(missing)} of ${plural(coverage.files, "source file")} not reviewed: drift in them is not judged`;
}

export function notReviewedLines(coverage: Coverage): NotReviewedLine[] {
  return coverage.notReviewed.map((group) => ({
    reason: group.reason,
    count: group.files.length,
    shown: group.files.slice(0, shownPaths),
    more: Math.max(0, group.files.length - shownPaths),
  }));
}
