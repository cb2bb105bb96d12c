import type { Suppression } from "../../graph/graph.js";
import { parseSuppression } from "./parse-suppression.js";

/**
 * The suppression for an import starting at `line` (1-based): a comment on that line, or a
 * comment-only line directly above it. The line above must hold nothing but the comment, so the
 * suppression of one import never leaks onto the import below it.
 */
export function findSuppression(lines: readonly string[], line: number): Suppression | undefined {
  const own = parseSuppression(lines[line - 1] ?? "");
  if (own) return own.valid ? { rules: own.rules, reason: own.reason, line } : undefined;
  const above = lines[line - 2] ?? "";
  if (!above.trimStart().startsWith("//")) return undefined;
  const parsed = parseSuppression(above);
  return parsed?.valid ? { rules: parsed.rules, reason: parsed.reason, line: line - 1 } : undefined;
}
