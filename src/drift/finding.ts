import type { Edge } from "../graph/graph.js";
import type { RuleId, Severity } from "../policy/policy.js";

/** Improvements are findings too, always at level info. */
export type FindingRule = RuleId | "cycle-broken" | "coupling-removed";

export interface Finding {
  readonly rule: FindingRule;
  readonly severity: Severity;
  readonly message: string;
  /** Where the head introduced it; for improvements, where the removed import was at base. */
  readonly file: string;
  readonly line: number;
  readonly importText: string;
  /** The modules involved; for cycles, the whole cycle in import order. */
  readonly modules: readonly string[];
  /** The imports behind the finding (the closing import first for cycles). */
  readonly edges: readonly Edge[];
  readonly hint: string;
  /**
   * A short title where the rule's own summary says too little: a cycle finding says whether it
   * closes at import time or only through imports inside functions.
   */
  readonly title?: string;
  /** Stable across re-runs and line moves: rule, from and to. */
  readonly fingerprint: string;
  /** Set when an inline comment or the config's ignore list accepted it. */
  readonly suppressed?: { readonly reason: string; readonly by: "inline" | "config" };
}
