import type { DriftReport } from "../drift/drift-report.js";
import { renderAnnotations } from "../report/render-annotations.js";
import { renderMarkdown } from "../report/render-markdown.js";
import { summarize, verdictOf } from "../report/verdict.js";
import type { CheckRunResult } from "./complete-check-run.js";

/** The check run of a finished review: the same verdict, title, summary and annotations everywhere. */
export function checkRunResultOf(report: DriftReport): CheckRunResult {
  return {
    conclusion: verdictOf(report.findings),
    title: titleOf(report),
    summary: renderMarkdown(report, {}),
    annotations: renderAnnotations(report.findings),
  };
}

function titleOf(report: DriftReport): string {
  const summary = summarize(report.findings);
  if (summary.errors + summary.warnings === 0) return "No new architecture drift";
  const parts = [
    summary.errors > 0 ? `${summary.errors} error${summary.errors === 1 ? "" : "s"}` : "",
    summary.warnings > 0 ? `${summary.warnings} warning${summary.warnings === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  return `${parts.join(", ")}: architecture drift`;
}
