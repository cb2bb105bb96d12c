import type { Graph } from "../graph/graph.js";
import type { Policy, Severity } from "../policy/policy.js";
import { applySuppressions } from "./apply-suppressions.js";
import type { Classifier } from "./classifier.js";
import { brokenCycles } from "./broken-cycles.js";
import { cycleFindings } from "./cycle-rules.js";
import { domainFindings } from "./domain-rules.js";
import { packageCycleFindings } from "./package-cycles.js";
import { couplingGrowth, edgeRuleFindings } from "./edge-rules.js";
import type { Finding } from "./finding.js";
import { byLocation, edgesMissingFrom, edgesStrongerThan, viewOf } from "./graph-view.js";
import type { Rule, RuleContext } from "./rule-context.js";

const rules: readonly Rule[] = [
  cycleFindings,
  packageCycleFindings,
  domainFindings,
  edgeRuleFindings,
  couplingGrowth,
  brokenCycles,
];

const severityRank: Readonly<Record<Severity, number>> = {
  error: 0,
  warning: 1,
  notice: 2,
  info: 3,
};

/** What the head does to the architecture compared with the base: only changes, never old drift. */
export function evaluateDrift(
  base: Graph,
  head: Graph,
  policy: Policy,
  classify: Classifier,
): Finding[] {
  const baseView = viewOf(base);
  const headView = viewOf(head);
  const context: RuleContext = {
    base: baseView,
    head: headView,
    added: edgesMissingFrom(head, baseView).sort(byLocation),
    removed: edgesMissingFrom(base, headView).sort(byLocation),
    stronger: edgesStrongerThan(head, baseView).sort(byLocation),
    weaker: edgesStrongerThan(base, headView).sort(byLocation),
    policy,
    classify,
  };
  const findings = unique(rules.flatMap((rule) => rule(context)));
  return applySuppressions(findings, policy.ignore, headView.modules, classify).sort(bySeverity);
}

function unique(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter(
    (finding) => !seen.has(finding.fingerprint) && seen.add(finding.fingerprint),
  );
}

export function bySeverity(a: Finding, b: Finding): number {
  const suppressedA = a.suppressed ? 1 : 0;
  const suppressedB = b.suppressed ? 1 : 0;
  return (
    suppressedA - suppressedB ||
    severityRank[a.severity] - severityRank[b.severity] ||
    a.file.localeCompare(b.file) ||
    a.line - b.line
  );
}
