import type { Edge } from "../graph/graph.js";
import type { Policy, RuleId, Severity } from "../policy/policy.js";
import type { Classifier } from "./classifier.js";
import type { Finding } from "./finding.js";
import type { GraphView } from "./graph-view.js";

export interface RuleContext {
  readonly base: GraphView;
  readonly head: GraphView;
  /** Head edges between modules that had no edge at base, by location. */
  readonly added: readonly Edge[];
  /** Base edges between modules that have no edge at head, by location. */
  readonly removed: readonly Edge[];
  /**
   * Head edges stronger than their pair at base (new pairs included): an import that left
   * `if TYPE_CHECKING:` or moved out of a function is new at its new level. By location.
   */
  readonly stronger: readonly Edge[];
  /** Base edges stronger than their pair at head (removed pairs included), by location. */
  readonly weaker: readonly Edge[];
  readonly policy: Policy;
  readonly classify: Classifier;
}

export type Rule = (context: RuleContext) => Finding[];

/** The configured severity of a rule; undefined when the user turned it off. */
export function severityOf(context: RuleContext, rule: RuleId): Severity | undefined {
  const level = context.policy.rules[rule].level;
  return level === "off" ? undefined : level;
}

export function edgeFinding(
  rule: Finding["rule"],
  severity: Severity,
  edge: Edge,
  fields: { message: string; hint: string; modules?: readonly string[]; edges?: readonly Edge[] },
): Finding {
  return {
    rule,
    severity,
    message: fields.message,
    hint: fields.hint,
    file: edge.file,
    line: edge.line,
    importText: edge.text,
    modules: fields.modules ?? [edge.from, edge.to],
    edges: fields.edges ?? [edge],
    fingerprint: `${rule}:${edge.from}->${edge.to}`,
  };
}
