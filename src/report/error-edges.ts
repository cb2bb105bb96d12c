import type { Finding } from "../drift/finding.js";
import type { Edge } from "../graph/graph.js";

/** The imports behind unsuppressed error findings: the ones the pictures draw red. */
export function errorEdgesOf(findings: readonly Finding[]): Edge[] {
  return findings
    .filter((finding) => finding.severity === "error" && !finding.suppressed)
    .flatMap((finding) => finding.edges);
}
