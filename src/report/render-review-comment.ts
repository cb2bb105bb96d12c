import type { Finding } from "../drift/finding.js";
import { formatCycle } from "./format.js";
import { isCycle } from "./finding-kinds.js";
import { codeSpan, escapeMarkdown } from "./markdown-text.js";
import { ruleCatalog } from "./rule-catalog.js";

/** Hidden in every comment archdrift writes, so re-runs recognise their own comments. */
const markerPattern = /<!-- archdrift:fingerprint=([^\s>]+) -->/g;

export function fingerprintMarker(fingerprint: string): string {
  return `<!-- archdrift:fingerprint=${encodeURIComponent(fingerprint)} -->`;
}

/** The fingerprints hidden in a comment body; none when archdrift did not write it. */
export function fingerprintsOf(body: string): string[] {
  return [...body.matchAll(markerPattern)].map((match) => decodeURIComponent(match[1] ?? ""));
}

/**
 * An inline review comment on one import line: each rule it breaks, why that matters, and how to
 * fix it. One import can close a cycle and couple two domains at once: that is one comment.
 */
export function renderReviewComment(findings: readonly Finding[]): string {
  return findings.map(renderOne).join("\n\n---\n\n");
}

function renderOne(finding: Finding): string {
  const rule = ruleCatalog[finding.rule];
  const lines = [
    `**archdrift · ${codeSpan(finding.rule)}**: ${escapeMarkdown(finding.message)}`,
    "",
    `*Why:* ${rule.why}`,
  ];
  if (isCycle(finding) && finding.modules.length > 0) {
    lines.push("", `*Cycle:* ${codeSpan(formatCycle(finding.modules))}`);
  }
  lines.push(
    "",
    `*Fix:* ${escapeMarkdown(finding.hint)}`,
    "",
    fingerprintMarker(finding.fingerprint),
  );
  return lines.join("\n");
}

/** What an earlier comment becomes once its import no longer introduces drift. */
export function renderResolvedComment(previousBody: string, headSha: string): string {
  return [
    `✅ **archdrift**: resolved at ${headSha.slice(0, 7)}; this import no longer introduces drift.`,
    "",
    "<details><summary>Earlier comment</summary>",
    "",
    previousBody.replace(markerPattern, ""),
    "",
    "</details>",
    "",
    ...fingerprintsOf(previousBody).map(fingerprintMarker),
    resolvedMarker,
  ].join("\n");
}

export const resolvedMarker = "<!-- archdrift:resolved -->";
