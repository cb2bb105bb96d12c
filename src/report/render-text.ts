import { styleText } from "node:util";
import { notReviewedCount } from "../drift/coverage.js";
import type { DriftReport } from "../drift/drift-report.js";
import type { Finding } from "../drift/finding.js";
import type { ExtractionWarning } from "../graph/graph.js";
import type { Severity } from "../policy/policy.js";
import { groupFindings, isCycle, severityOrder } from "./finding-kinds.js";
import {
  formatCycle,
  formatLocation,
  formatNumber,
  formatSeconds,
  plural,
  shortSha,
  withoutControls,
} from "./format.js";
import {
  coverageSentence,
  notReviewedHint,
  notReviewedLines,
  notReviewedWarning,
} from "./coverage-lines.js";
import { asideOf, headlineOf } from "./headline.js";
import { summarize, verdictOf, type Verdict } from "./verdict.js";
import { moreOfCause, warningLines } from "./warning-groups.js";

export interface TextOptions {
  readonly color: boolean;
}

type Format = Parameters<typeof styleText>[0];
type Color = "red" | "yellow" | "green" | "cyan";
type Paint = (format: Format, text: string) => string;

const verdictIcon: Record<Verdict, [string, Color]> = {
  failure: ["✖", "red"],
  neutral: ["⚠", "yellow"],
  success: ["✔", "green"],
};
const severityTitle: Record<Severity, [string, Color]> = {
  error: ["Errors", "red"],
  warning: ["Warnings", "yellow"],
  notice: ["Notices", "cyan"],
  info: ["Info", "cyan"],
};

/** The CLI's report: verdict first, then what to fix, then the good news and the fine print. */
export function renderText(report: DriftReport, options: TextOptions): string {
  // The caller knows whether its stream is a terminal; styleText must not second-guess it.
  const paint: Paint = options.color
    ? (format, text) => styleText(format, text, { validateStream: false })
    : (_format, text) => text;
  const groups = groupFindings(report.findings);
  const blocks = [
    headlineBlock(report, paint),
    ...severityOrder.map((severity) => severityBlock(groups.drift, severity, paint)),
    suppressedBlock(groups.suppressed, paint),
    improvementsBlock(groups.improvements, paint),
    existingLine(report.existing, paint),
    warningsBlock(report.warnings, paint),
    notReviewedBlock(report, paint),
    statsLine(report, paint),
  ];
  return `${blocks.filter((block) => block !== "").join("\n\n")}\n`;
}

function headlineBlock(report: DriftReport, paint: Paint): string {
  const summary = summarize(report.findings);
  const headline = headlineOf(summary, verdictOf(report.findings));
  const [icon, format] = verdictIcon[headline.verdict];
  const lines = [paint(["bold", format], `${icon} ${headline.text}`)];
  const aside = asideOf(summary);
  if (aside !== "") lines.push(`  ${aside}`);
  lines.push(paint("dim", `  ${refLine(report)}`));
  const unread = notReviewedWarning(report.coverage);
  if (unread !== undefined) lines.push(paint("yellow", `  ⚠ ${unread} (see "Not reviewed")`));
  if (report.configChanged) {
    const file = safe(report.configFile);
    lines.push(
      paint("yellow", `  This PR edits ${file}: it was reviewed with the base's version.`),
    );
  }
  return lines.join("\n");
}

function refLine(report: DriftReport): string {
  const side = (ref: string, sha: string): string =>
    ref === sha ? shortSha(sha) : `${safe(ref)} (${shortSha(sha)})`;
  const line = `base ${side(report.base.ref, report.base.sha)} → head ${side(report.head.ref, report.head.sha)}`;
  return report.mergeBase === undefined || report.mergeBase === report.base.sha
    ? line
    : `${line}, compared with the merge base ${shortSha(report.mergeBase)}`;
}

function severityBlock(drift: readonly Finding[], severity: Severity, paint: Paint): string {
  const findings = drift.filter((finding) => finding.severity === severity);
  if (findings.length === 0) return "";
  const [title, format] = severityTitle[severity];
  const heading = paint(["bold", format], `${title} (${formatNumber(findings.length)})`);
  return [heading, ...findings.map((finding) => findingLines(finding, format, paint))].join("\n");
}

function findingLines(finding: Finding, format: Color, paint: Paint): string {
  const lines = [`  ${firstLine(finding, format, paint)}`];
  if (finding.importText !== "") lines.push(`      ${paint("cyan", safe(finding.importText))}`);
  if (isCycle(finding) && finding.modules.length > 0) {
    lines.push(`      cycle: ${safe(formatCycle(finding.modules))}`);
  }
  if (finding.hint !== "") lines.push(paint("dim", `      hint: ${safe(finding.hint)}`));
  return lines.join("\n");
}

/** `path:line  rule  message`: the location first so terminals make it clickable. */
function firstLine(finding: Finding, format: Color, paint: Paint): string {
  const location = paint("underline", safe(formatLocation(finding.file, finding.line)));
  return `${location}  ${paint(format, finding.rule)}  ${safe(finding.message)}`;
}

function suppressedBlock(suppressed: readonly Finding[], paint: Paint): string {
  if (suppressed.length === 0) return "";
  const lines = suppressed.map((finding) => {
    const reason = finding.suppressed
      ? `${safe(finding.suppressed.reason)} (${finding.suppressed.by})`
      : "";
    return paint(
      "dim",
      `  ${safe(formatLocation(finding.file, finding.line))}  ${finding.rule}  — ${reason}`,
    );
  });
  return [paint("bold", `Suppressed (${formatNumber(suppressed.length)})`), ...lines].join("\n");
}

function improvementsBlock(improvements: readonly Finding[], paint: Paint): string {
  if (improvements.length === 0) return "";
  const lines = improvements.map((finding) => {
    const cycle =
      isCycle(finding) && finding.modules.length > 0 ? `: ${formatCycle(finding.modules)}` : "";
    return `  ${paint("green", "✔")} ${safe(finding.message)}${safe(cycle)}  ${paint("dim", safe(formatLocation(finding.file, finding.line)))}`;
  });
  return [
    paint(["bold", "green"], `Improvements (${formatNumber(improvements.length)})`),
    ...lines,
  ].join("\n");
}

function existingLine(existing: readonly Finding[], paint: Paint): string {
  if (existing.length === 0) return "";
  const bySeverity = severityOrder.flatMap((severity) => {
    const count = existing.filter((finding) => finding.severity === severity).length;
    return count > 0
      ? [plural(count, severity, severity === "info" ? "info" : `${severity}s`)]
      : [];
  });
  return paint(
    "dim",
    `Existing drift at base: ${plural(existing.length, "finding")} (${bySeverity.join(", ")}), not counted against this PR`,
  );
}

function warningsBlock(warnings: readonly ExtractionWarning[], paint: Paint): string {
  if (warnings.length === 0) return "";
  const lines = warningLines(warnings).map((line) => {
    const { file, line: at, message } = line.first;
    const more = moreOfCause(line);
    const suffix = more === undefined ? "" : paint("dim", ` (${safe(more)}; all in --format json)`);
    return `  ${paint("yellow", "⚠")} ${safe(formatLocation(file, at))}  ${safe(message)}${suffix}`;
  });
  return [
    paint("bold", `Could not read everything (${formatNumber(warnings.length)})`),
    ...lines,
  ].join("\n");
}

/** One line per reason, a few paths each: the files whose drift this review could not judge. */
function notReviewedBlock(report: DriftReport, paint: Paint): string {
  if (report.coverage === undefined) return "";
  const lines = notReviewedLines(report.coverage).map((line) => {
    const more = line.more > 0 ? `, and ${formatNumber(line.more)} more; all in --format json` : "";
    const paths = `${line.shown.map(safe).join(", ")}${more}`;
    return `  ${paint("yellow", "⚠")} ${safe(line.reason)}: ${plural(line.count, "file")} (${paths})`;
  });
  if (lines.length === 0) return "";
  const count = plural(notReviewedCount(report.coverage), "file");
  const hint = paint("dim", `  hint: ${notReviewedHint}`);
  return [paint("bold", `Not reviewed (${count})`), ...lines, hint].join("\n");
}

function statsLine(report: DriftReport, paint: Paint): string {
  const { modules, edges, changedFiles, durationMs } = report.stats;
  const stats = `Reviewed ${plural(modules, "module")}, ${plural(edges, "edge")}, ${plural(changedFiles, "changed file")} in ${formatSeconds(durationMs)}`;
  const coverage =
    report.coverage === undefined ? [] : [`Files: ${safe(coverageSentence(report.coverage))}`];
  return [...coverage, stats].map((line) => paint("dim", line)).join("\n");
}

function safe(text: string): string {
  return withoutControls(text);
}
