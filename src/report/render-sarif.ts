import type { Coverage } from "../drift/coverage.js";
import type { DriftReport } from "../drift/drift-report.js";
import type { Finding } from "../drift/finding.js";
import type { Edge } from "../graph/graph.js";
import { ruleIds, type Severity } from "../policy/policy.js";
import { groupFindings, isCycle } from "./finding-kinds.js";
import { formatCycle, formatLocation, formatNumber, withoutControls } from "./format.js";
import { jsonText } from "./json-text.js";
import { jsonCoverageOf, type JsonCoverage } from "./render-json.js";
import { ruleCatalog } from "./rule-catalog.js";
import type { SarifLevel, SarifLocation, SarifLog, SarifResult, SarifRule } from "./sarif-types.js";

export interface SarifOptions {
  readonly toolVersion: string;
  /** Where the rules are explained; each rule links to its anchor. */
  readonly informationUri?: string;
}

export const defaultInformationUri = "https://github.com/archdrift/archdrift#readme";
const schemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

const levelOf: Record<Severity, SarifLevel> = {
  error: "error",
  warning: "warning",
  notice: "note",
  info: "note",
};

/**
 * SARIF 2.1.0 for code scanning: one result per new drift finding, suppressed ones included with
 * their justification so the scanner shows them as dismissed. Improvements are not results.
 */
export function renderSarif(report: DriftReport, options: SarifOptions): string {
  const informationUri = options.informationUri ?? defaultInformationUri;
  const groups = groupFindings(report.findings);
  const log: SarifLog = {
    $schema: schemaUri,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "archdrift",
            version: options.toolVersion,
            informationUri,
            rules: rules(informationUri),
          },
        },
        results: [...groups.drift, ...groups.suppressed].map(resultOf),
        properties: {
          base: report.base,
          head: report.head,
          ...(report.mergeBase === undefined ? {} : { mergeBase: report.mergeBase }),
          ...(report.coverage === undefined ? {} : { coverage: coverageCounts(report.coverage) }),
        },
      },
    ],
  };
  return jsonText(log);
}

function rules(informationUri: string): SarifRule[] {
  const base = informationUri.replace(/#.*$/, "");
  return ruleIds.map((id) => ({
    id,
    name: id,
    shortDescription: { text: ruleCatalog[id].summary },
    fullDescription: { text: ruleCatalog[id].why },
    helpUri: `${base}#${id}`,
    defaultConfiguration: { level: levelOf[ruleCatalog[id].defaultSeverity] },
  }));
}

function resultOf(finding: Finding): SarifResult {
  const related = finding.edges.map(relatedLocation);
  const result: SarifResult = {
    ruleId: finding.rule,
    // Improvements never get here, so the rule is always one of `ruleIds`.
    ruleIndex: (ruleIds as readonly string[]).indexOf(finding.rule),
    level: levelOf[finding.severity],
    message: { text: messageOf(finding, related) },
    locations: [location(finding.file, finding.line)],
    partialFingerprints: { "archdrift/v1": finding.fingerprint },
    ...(related.length > 0 ? { relatedLocations: related } : {}),
  };
  if (!finding.suppressed) return result;
  const { by, reason } = finding.suppressed;
  return {
    ...result,
    suppressions: [
      {
        kind: by === "inline" ? "inSource" : "external",
        status: "accepted",
        justification: sarifText(reason),
      },
    ],
  };
}

/** Code scanning shows only the message: the cycle, the imports and the hint belong in it. */
function messageOf(finding: Finding, related: readonly SarifLocation[]): string {
  const parts = [finding.message];
  if (isCycle(finding) && finding.modules.length > 0)
    parts.push(`Cycle: ${formatCycle(finding.modules)}.`);
  if (finding.hint !== "") parts.push(`Hint: ${finding.hint}`);
  const text = parts.map(sarifText);
  if (related.length > 1) text.push(importLinks(finding.edges));
  return text.join("\n");
}

/** Links shown per import behind the finding; the rest stay in `relatedLocations`. */
const maxImportLinks = 12;

/**
 * `Imports: [a.py:3](1), [b.py:7](2)`: code scanning shows related locations only where the message
 * links to them by id (SARIF 2.1.0 §3.11.6), so each import gets a link.
 */
function importLinks(edges: readonly Edge[]): string {
  const links = edges
    .slice(0, maxImportLinks)
    .map((edge, index) => `[${linkText(formatLocation(edge.file, edge.line))}](${index + 1})`);
  const more = edges.length - maxImportLinks;
  return `Imports: ${links.join(", ")}${more > 0 ? ` and ${formatNumber(more)} more` : ""}.`;
}

/** Link text from the PR: brackets escaped so a path cannot end the link early. */
function linkText(text: string): string {
  return withoutControls(text).replace(/[[\]\\]/g, (char) => `\\${char}`);
}

/**
 * Text from the PR in a SARIF plain text message: controls and bidi characters escaped as in
 * every report, and `](` broken with SARIF's own escape, so a name like `[x](https://…)` cannot
 * become an embedded link (SARIF 2.1.0 §3.11.6) in a code scanning alert.
 */
function sarifText(text: string): string {
  return withoutControls(text).replace(/\](?=\()/g, "\\]");
}

function location(file: string, line: number): SarifLocation {
  const artifactLocation = { uri: uriOf(file), uriBaseId: "%SRCROOT%" };
  // SARIF lines start at 1; line 0 means the drift step did not know it, so the file alone is named.
  return {
    physicalLocation:
      line > 0 ? { artifactLocation, region: { startLine: line } } : { artifactLocation },
  };
}

/** One import behind a finding; `id` is what the message's links point at. */
function relatedLocation(edge: Edge, index: number): SarifLocation {
  return {
    id: index + 1,
    ...location(edge.file, edge.line),
    message: { text: sarifText(`${edge.text} (${edge.kind} import, ${edge.from} → ${edge.to})`) },
    properties: { kind: edge.kind, from: edge.from, to: edge.to },
  };
}

/** A relative URI reference: each path segment percent-encoded, so spaces and `#` stay part of the path. */
function uriOf(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

/** The counts of `--format json`'s coverage; the file lists stay in JSON. */
function coverageCounts(coverage: Coverage): Omit<JsonCoverage, "notReviewedBy"> & {
  readonly notReviewedBy: readonly { readonly reason: string; readonly count: number }[];
} {
  const full = jsonCoverageOf(coverage);
  return {
    ...full,
    notReviewedBy: full.notReviewedBy.map(({ reason, count }) => ({ reason, count })),
  };
}
