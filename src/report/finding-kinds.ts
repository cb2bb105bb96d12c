import type { Finding, FindingRule } from "../drift/finding.js";
import type { Severity } from "../policy/policy.js";

const improvementRules: ReadonlySet<FindingRule> = new Set(["cycle-broken", "coupling-removed"]);
const cycleRules: ReadonlySet<FindingRule> = new Set([
  "new-cycle",
  "grown-cycle",
  "package-cycle",
  "domain-cycle",
  "cycle-broken",
]);

/** Most severe first; the order every renderer lists findings in. */
export const severityOrder: readonly Severity[] = ["error", "warning", "notice", "info"];

/** Improvements are told apart by rule, not by severity: a user may set a drift rule to `info`. */
export function isImprovement(finding: Finding): boolean {
  return improvementRules.has(finding.rule);
}

/** Findings whose `modules` list is a loop in import order, worth drawing as `a → b → a`. */
export function isCycle(finding: Finding): boolean {
  return cycleRules.has(finding.rule);
}

export interface FindingGroups {
  /** New drift that counts against the PR. */
  readonly drift: readonly Finding[];
  /** Drift someone accepted with a reason. */
  readonly suppressed: readonly Finding[];
  readonly improvements: readonly Finding[];
}

export function groupFindings(findings: readonly Finding[]): FindingGroups {
  const sorted = bySeverity(findings);
  return {
    drift: sorted.filter((finding) => !isImprovement(finding) && !finding.suppressed),
    suppressed: sorted.filter((finding) => !isImprovement(finding) && finding.suppressed),
    improvements: sorted.filter(isImprovement),
  };
}

/** A stable sort: the drift step's own order (e.g. by location) survives within a severity. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity),
  );
}
