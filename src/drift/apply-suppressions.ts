import type { Edge, ModuleNode } from "../graph/graph.js";
import type { IgnoreEntry } from "../policy/policy.js";
import type { Classifier } from "./classifier.js";
import type { Finding } from "./finding.js";

/**
 * Marks findings that people accepted, inline next to the import or in the config's ignore list.
 * A suppressed finding is still reported, with its reason, but never fails the review.
 */
export function applySuppressions(
  findings: readonly Finding[],
  ignore: readonly IgnoreEntry[],
  modules: ReadonlyMap<string, ModuleNode>,
  classify: Classifier,
): Finding[] {
  return findings.map((finding) => {
    if (finding.severity === "info") return finding;
    const inline = acceptableEdges(finding).find((edge) => coversRule(edge, finding.rule));
    if (inline?.suppression) {
      return {
        ...finding,
        suppressed: { reason: inline.suppression.reason, by: "inline" as const },
      };
    }
    const entry = ignore.find((candidate) => ignores(candidate, finding, modules, classify));
    return entry
      ? { ...finding, suppressed: { reason: entry.reason, by: "config" as const } }
      : finding;
  });
}

/**
 * A loop's edges hold every hop, old imports included: a comment accepting an old import's loop
 * must not silence a new loop through it, so loops are accepted only at the import they point at.
 */
const loopRules: ReadonlySet<string> = new Set([
  "new-cycle",
  "grown-cycle",
  "package-cycle",
  "domain-cycle",
]);

function acceptableEdges(finding: Finding): readonly Edge[] {
  if (!loopRules.has(finding.rule)) return finding.edges;
  return finding.edges.filter((edge) => edge.file === finding.file && edge.line === finding.line);
}

function coversRule(edge: Edge, rule: string): boolean {
  const rules = edge.suppression?.rules ?? [];
  return rules.includes("*") || rules.includes(rule);
}

function ignores(
  entry: IgnoreEntry,
  finding: Finding,
  modules: ReadonlyMap<string, ModuleNode>,
  classify: Classifier,
): boolean {
  if (entry.rule !== "*" && entry.rule !== finding.rule) return false;
  return finding.edges.some((edge) => {
    const from = modules.get(edge.from)?.path ?? edge.file;
    const to = modules.get(edge.to)?.path ?? edge.to;
    return (
      (entry.from === undefined || classify.matches(from, entry.from)) &&
      (entry.to === undefined || classify.matches(to, entry.to))
    );
  });
}
