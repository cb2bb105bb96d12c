import { executingCycleFindings } from "./executing-cycles.js";
import type { Finding } from "./finding.js";
import { importTimeCycleFindings } from "./import-time-cycles.js";
import type { RuleContext } from "./rule-context.js";

/**
 * Cycles are judged on two graphs separately: the import-time graph (module-level runtime imports,
 * what can fail on a partially initialised module) and the executing graph (plus imports inside
 * functions). Type-only imports never make a cycle. Import-time findings come first so that, when
 * one import shows up at both levels, the stronger finding is the one kept.
 */
export function cycleFindings(context: RuleContext): Finding[] {
  return [...importTimeCycleFindings(context), ...executingCycleFindings(context)];
}
