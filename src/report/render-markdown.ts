import type { DriftReport } from "../drift/drift-report.js";
import { fitBlocks, type Block, type FittedBlock } from "./fit-blocks.js";
import { formatNumber, plural } from "./format.js";
import { markdownBlocks, type BlockId } from "./markdown-blocks.js";

export interface MarkdownOptions {
  /** GitHub rejects a check run summary longer than 65,535 characters. */
  readonly maxLength?: number;
}

/** What survives a cut longest: the verdict and the findings, then how to fix them, then the rest. */
const priority: readonly BlockId[] = [
  "headline",
  "rules",
  "footer",
  "findings",
  "details",
  "improvements",
  "warnings",
  "coverage",
  "diagram",
  "suppressed",
  "existing",
];

const cutNames: Readonly<Record<string, string>> = {
  details: "how to fix",
  diagram: "diagram",
  improvements: "improvements",
  warnings: "extraction warnings",
  coverage: "files not reviewed",
  suppressed: "suppressed findings",
  existing: "existing drift",
};

/** The check run summary: verdict, counts by rule, findings, fixes, the diagram and the fine print. */
export function renderMarkdown(report: DriftReport, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? 65_535;
  const blocks = markdownBlocks(report);
  const full = blocks.map((block) => block.head + block.rows.join("") + block.tail).join("\n");
  if (full.length <= maxLength) return full;
  return cutToFit(blocks, maxLength);
}

function cutToFit(blocks: readonly Block[], maxLength: number): string {
  // The note is written after the cut, so room is kept for the longest note the cut could need.
  const worstNote = noteOf(
    blocks.map((block) => ({ ...fullyCut(block) })),
    maxLength,
  );
  const byPriority = priority.flatMap((id) => blocks.filter((block) => block.id === id));
  const fitted = fitBlocks(byPriority, maxLength - worstNote.length - 1);
  const shown = blocks.flatMap((block) => fitted.get(block.id) ?? []);
  const body = shown.flatMap((block) => (block.text === "" ? [] : [block.text])).join("\n");
  const document = `${body}\n${noteOf(shown, maxLength)}`;
  // Only a limit smaller than the verdict itself gets here: a hard cut still keeps GitHub's promise.
  return document.length <= maxLength ? document : document.slice(0, maxLength);
}

function fullyCut(block: Block): FittedBlock {
  return { id: block.id, text: "", shownRows: 0, totalRows: block.rows.length };
}

function noteOf(fitted: readonly FittedBlock[], maxLength: number): string {
  const limit = `(limit ${formatNumber(maxLength)} characters)`;
  const findings = fitted.find((block) => block.id === "findings");
  const missing = findings ? findings.totalRows - findings.shownRows : 0;
  const lines =
    missing > 0 ? [`**… ${formatNumber(missing)} more findings not shown ${limit}**`] : [];
  const others = fitted.flatMap((block) => cutDescription(block));
  if (others.length > 0) {
    const lead = lines.length > 0 ? "Also left out" : `… left out ${limit}`;
    lines.push(`${lead}: ${others.join(", ")}.`);
  }
  return `${lines.join("\n\n")}\n`;
}

function cutDescription(block: FittedBlock): string[] {
  const name = cutNames[block.id];
  if (name === undefined) return [];
  if (block.totalRows === 0) return block.text === "" ? [name] : [];
  const missing = block.totalRows - block.shownRows;
  if (missing === 0) return [];
  return [
    block.shownRows === 0
      ? `${name} (${formatNumber(missing)})`
      : `${plural(missing, "more item")} of ${name}`,
  ];
}
