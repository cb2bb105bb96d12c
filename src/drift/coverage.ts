/**
 * Which source files of the head commit a review read. Every Python, JavaScript and TypeScript file
 * is in exactly one of three places: reviewed (a module of the graph), excluded by a named rule
 * (an `exclude` pattern, default or configured, or the `languages` key), or not reviewed with the
 * reason. A review that read 2 modules of 17 files says so, in every format.
 */
export interface Coverage {
  /** Python, JavaScript and TypeScript files of the commit, whatever became of them. */
  readonly files: number;
  /** Files that are modules of the graph. */
  readonly reviewed: number;
  /** By the rule that excluded them, most files first. */
  readonly excluded: readonly ExcludedFiles[];
  /** By reason, most files first; the files are listed in full (reports show a few). */
  readonly notReviewed: readonly UnreviewedFiles[];
}

export interface ExcludedFiles {
  /** The exclude pattern that matched first, as the policy has it, or `languages` for a language left out. */
  readonly rule: string;
  /** Whether the rule is one of archdrift's defaults rather than the config's. */
  readonly isDefault: boolean;
  readonly count: number;
}

export interface UnreviewedFiles {
  /** Shared by every file in the group: `outside every Python source root`. */
  readonly reason: string;
  /** Sorted repository paths. */
  readonly files: readonly string[];
}

export function excludedCount(coverage: Coverage): number {
  return coverage.excluded.reduce((sum, group) => sum + group.count, 0);
}

export function notReviewedCount(coverage: Coverage): number {
  return coverage.notReviewed.reduce((sum, group) => sum + group.files.length, 0);
}
