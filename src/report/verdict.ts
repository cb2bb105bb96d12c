import type { Finding } from "../drift/finding.js";
import type { Severity } from "../policy/policy.js";
import { isImprovement } from "./finding-kinds.js";

/** The check run conclusion: only unsuppressed errors fail a PR, warnings alone make it neutral. */
export type Verdict = "failure" | "neutral" | "success";

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  /** Notices, and drift rules a user turned down to `info`. */
  readonly notices: number;
  readonly improvements: number;
  readonly suppressed: number;
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  const counts = countBySeverity(findings);
  if (counts.error > 0) return "failure";
  if (counts.warning > 0) return "neutral";
  return "success";
}

/** Counts of unsuppressed drift; improvements are good news and never counted here. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0, info: 0 };
  for (const finding of findings) {
    if (!finding.suppressed && !isImprovement(finding)) counts[finding.severity] += 1;
  }
  return counts;
}

export function summarize(findings: readonly Finding[]): Summary {
  const counts = countBySeverity(findings);
  return {
    errors: counts.error,
    warnings: counts.warning,
    notices: counts.notice + counts.info,
    improvements: findings.filter(isImprovement).length,
    suppressed: findings.filter((finding) => finding.suppressed && !isImprovement(finding)).length,
  };
}
