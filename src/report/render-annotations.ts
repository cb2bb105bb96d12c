import type { Finding } from "../drift/finding.js";
import type { Severity } from "../policy/policy.js";
import { formatCycle, withoutControls } from "./format.js";
import { isCycle, isImprovement } from "./finding-kinds.js";
import { ruleCatalog } from "./rule-catalog.js";

/** A check-run annotation, in the shape the Checks API takes. */
export interface Annotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly annotation_level: "failure" | "warning" | "notice";
  readonly title: string;
  readonly message: string;
  readonly raw_details?: string;
}

const levels: Readonly<Record<Severity, Annotation["annotation_level"]>> = {
  error: "failure",
  warning: "warning",
  notice: "notice",
  info: "notice",
};

/** The API caps titles at 255 characters and messages at 64 KB. */
const titleLimit = 255;
const messageLimit = 60_000;

/** One annotation per unsuppressed finding of new drift, at the import that introduced it. */
export function renderAnnotations(findings: readonly Finding[]): Annotation[] {
  return findings
    .filter((finding) => !finding.suppressed && !isImprovement(finding) && finding.line > 0)
    .map((finding) => ({
      path: finding.file,
      start_line: finding.line,
      end_line: finding.line,
      annotation_level: levels[finding.severity],
      title: clip(
        withoutControls(`${finding.rule}: ${finding.title ?? ruleCatalog[finding.rule].summary}`),
        titleLimit,
      ),
      message: clip(withoutControls(`${finding.message}\n\nFix: ${finding.hint}`), messageLimit),
      ...(isCycle(finding) && finding.modules.length > 0
        ? {
            raw_details: clip(
              withoutControls(`cycle: ${formatCycle(finding.modules)}`),
              messageLimit,
            ),
          }
        : {}),
    }));
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
