import type { DriftReport } from "../drift/drift-report.js";
import type { Finding } from "../drift/finding.js";
import type { Severity } from "../policy/policy.js";
import { errorEdgesOf } from "./error-edges.js";
import type { Block } from "./fit-blocks.js";
import { bySeverity, groupFindings, isCycle } from "./finding-kinds.js";
import {
  formatCycle,
  formatLocation,
  formatNumber,
  formatSeconds,
  plural,
  shortSha,
} from "./format.js";
import {
  coverageSentence,
  notReviewedHint,
  notReviewedLines,
  notReviewedWarning,
  type NotReviewedLine,
} from "./coverage-lines.js";
import { asideOf, headlineOf } from "./headline.js";
import { codeSpan, escapeMarkdown, tableRow } from "./markdown-text.js";
import { mermaidDiagram } from "./mermaid-diagram.js";
import { ruleCatalog } from "./rule-catalog.js";
import { summarize, verdictOf, type Verdict } from "./verdict.js";
import { moreOfCause, warningLines, type WarningLine } from "./warning-groups.js";

export type BlockId =
  | "headline"
  | "rules"
  | "findings"
  | "details"
  | "diagram"
  | "improvements"
  | "suppressed"
  | "existing"
  | "warnings"
  | "coverage"
  | "footer";

const verdictIcon: Record<Verdict, string> = { failure: "❌", neutral: "⚠️", success: "✅" };
const severityIcon: Record<Severity, string> = {
  error: "❌",
  warning: "⚠️",
  notice: "ℹ️",
  info: "ℹ️",
};

/** Every part of the check run summary, in reading order; empty parts are left out. */
export function markdownBlocks(report: DriftReport): Block[] {
  const groups = groupFindings(report.findings);
  const blocks: Block[] = [
    headline(report),
    rules(groups.drift),
    rowsBlock("findings", "#### Findings\n\n" + findingsHeader, groups.drift.map(findingRow)),
    rowsBlock("details", "#### How to fix\n\n", groups.drift.flatMap(detailItem)),
    diagram(report),
    rowsBlock("improvements", "#### ✅ Improvements\n\n", groups.improvements.map(improvementItem)),
    suppressed(groups.suppressed),
    existing(report.existing),
    rowsBlock(
      "warnings",
      "#### Could not read everything\n\n",
      warningLines(report.warnings).map(warningItem),
    ),
    rowsBlock(
      "coverage",
      "#### Not reviewed\n\n",
      report.coverage === undefined ? [] : notReviewedLines(report.coverage).map(notReviewedItem),
      `\n${escapeMarkdown(`Hint: ${notReviewedHint}.`)}\n`,
    ),
    footer(report),
  ];
  return blocks.filter((block) => block.rows.length > 0 || (block.whole && block.head !== ""));
}

const findingsHeader =
  tableRow(["", "Rule", "Where", "Message"]) + tableRow(["---", "---", "---", "---"]);

function rowsBlock(id: BlockId, head: string, rows: readonly string[], tail = ""): Block {
  return { id, head, rows, tail, whole: false };
}

function wholeBlock(id: BlockId, text: string): Block {
  return { id, head: text, rows: [], tail: "", whole: true };
}

function headline(report: DriftReport): Block {
  const summary = summarize(report.findings);
  const { verdict, text } = headlineOf(summary, verdictOf(report.findings));
  const lines = [`### ${verdictIcon[verdict]} ${text}`, ""];
  const aside = asideOf(summary);
  if (aside !== "") lines.push(`Also: ${aside}.`, "");
  const unread = notReviewedWarning(report.coverage);
  if (unread !== undefined)
    lines.push(`> [!WARNING]\n> ${escapeMarkdown(unread)} (see _Not reviewed_ below).`, "");
  if (report.configChanged) {
    lines.push(
      `> [!NOTE]\n> This PR edits ${codeSpan(report.configFile)}; it was reviewed with the version on the base branch, so a PR cannot weaken its own review.`,
      "",
    );
  }
  return wholeBlock("headline", lines.join("\n"));
}

/** Counts by rule, with what each rule means: the part a reader skims before the details. */
function rules(drift: readonly Finding[]): Block {
  if (drift.length === 0) return wholeBlock("rules", "");
  const counts = new Map<Finding["rule"], { severity: Severity; count: number }>();
  for (const finding of drift) {
    const entry = counts.get(finding.rule);
    counts.set(finding.rule, {
      severity: entry?.severity ?? finding.severity,
      count: (entry?.count ?? 0) + 1,
    });
  }
  const rows = [...counts].map(([rule, { severity, count }]) =>
    tableRow([
      severityIcon[severity],
      codeSpan(rule, { inTable: true }),
      formatNumber(count),
      ruleCatalog[rule].summary,
    ]),
  );
  const header =
    tableRow(["", "Rule", "New", "What it means"]) + tableRow(["---", "---", "---:", "---"]);
  return wholeBlock("rules", header + rows.join(""));
}

function findingRow(finding: Finding): string {
  return tableRow([
    severityIcon[finding.severity],
    codeSpan(finding.rule, { inTable: true }),
    codeSpan(formatLocation(finding.file, finding.line), { inTable: true }),
    escapeMarkdown(finding.message),
  ]);
}

/** The import, the loop in import order and the hint: what the table has no room for. */
function detailItem(finding: Finding): string[] {
  const cycle = isCycle(finding) && finding.modules.length > 0;
  if (finding.importText === "" && !cycle && finding.hint === "") return [];
  const where = codeSpan(formatLocation(finding.file, finding.line));
  const lines = [`- ${severityIcon[finding.severity]} **${codeSpan(finding.rule)}** ${where}`];
  if (finding.importText !== "") lines[0] += `: ${codeSpan(finding.importText)}`;
  if (cycle) lines.push(`  - cycle: ${codeSpan(formatCycle(finding.modules))}`);
  if (finding.hint !== "") lines.push(`  - hint: ${escapeMarkdown(finding.hint)}`);
  return [`${lines.join("\n")}\n`];
}

function diagram(report: DriftReport): Block {
  const { added, removed } = report.changed;
  if (added.length === 0 && removed.length === 0) return wholeBlock("diagram", "");
  const drawn = mermaidDiagram(report.changed, { errors: errorEdgesOf(report.findings) });
  const legend =
    "New imports are thick (red when behind an error), removed ones dashed, unchanged ones thin.";
  const cut =
    drawn.omittedEdges > 0
      ? ` ${plural(drawn.omittedEdges, "edge")} left out to keep it readable.`
      : "";
  return wholeBlock(
    "diagram",
    `#### What changed\n\n\`\`\`mermaid\n${drawn.text}\`\`\`\n\n${legend}${cut}\n`,
  );
}

function improvementItem(finding: Finding): string {
  const cycle =
    isCycle(finding) && finding.modules.length > 0
      ? ` ${codeSpan(formatCycle(finding.modules))}`
      : "";
  const where = codeSpan(formatLocation(finding.file, finding.line));
  return `- **${codeSpan(finding.rule)}** ${escapeMarkdown(finding.message)}${cycle} (was ${where})\n`;
}

function suppressed(findings: readonly Finding[]): Block {
  const head =
    `<details><summary>${plural(findings.length, "finding")} suppressed with a reason</summary>\n\n` +
    tableRow(["Rule", "Where", "Reason"]) +
    tableRow(["---", "---", "---"]);
  const rows = findings.map((finding) =>
    tableRow([
      codeSpan(finding.rule, { inTable: true }),
      codeSpan(formatLocation(finding.file, finding.line), { inTable: true }),
      finding.suppressed
        ? `${escapeMarkdown(finding.suppressed.reason)} (${finding.suppressed.by})`
        : "",
    ]),
  );
  return rowsBlock("suppressed", head, rows, "\n</details>\n");
}

function existing(findings: readonly Finding[]): Block {
  const head =
    `<details><summary>Drift that already exists at base: ${plural(findings.length, "finding")} (not counted against this PR)</summary>\n\n` +
    findingsHeader;
  return rowsBlock("existing", head, bySeverity(findings).map(findingRow), "\n</details>\n");
}

function warningItem(line: WarningLine): string {
  const { file, line: at, message } = line.first;
  const more = moreOfCause(line);
  const suffix = more === undefined ? "" : ` (${escapeMarkdown(more)})`;
  return `- ${codeSpan(formatLocation(file, at))}: ${escapeMarkdown(message)}${suffix}\n`;
}

function notReviewedItem(line: NotReviewedLine): string {
  const more = line.more > 0 ? `, and ${formatNumber(line.more)} more` : "";
  const paths = `${line.shown.map((path) => codeSpan(path)).join(", ")}${more}`;
  return `- ${escapeMarkdown(line.reason)}: ${plural(line.count, "file")} (${paths})\n`;
}

function footer(report: DriftReport): Block {
  const { modules, edges, changedFiles, durationMs } = report.stats;
  const side = (ref: string, sha: string): string =>
    ref === sha ? codeSpan(shortSha(sha)) : `${codeSpan(ref)} (${codeSpan(shortSha(sha))})`;
  const text =
    `<sub>Reviewed ${plural(modules, "module")}, ${plural(edges, "edge")} in ${formatSeconds(durationMs)} · ` +
    `${plural(changedFiles, "changed file")} · base ${side(report.base.ref, report.base.sha)} → head ${side(report.head.ref, report.head.sha)}` +
    (report.mergeBase === undefined || report.mergeBase === report.base.sha
      ? ""
      : ` · merge base ${codeSpan(shortSha(report.mergeBase))}`) +
    (report.coverage === undefined
      ? ""
      : `<br>Files: ${escapeMarkdown(coverageSentence(report.coverage))}`) +
    "</sub>\n";
  return wholeBlock("footer", text);
}
