import { excludedCount, notReviewedCount, type Coverage } from "../drift/coverage.js";
import type { CommitRef, DriftReport } from "../drift/drift-report.js";
import type { Finding } from "../drift/finding.js";
import type { Edge, EdgeKind, ExtractionWarning } from "../graph/graph.js";
import { bySeverity, groupFindings } from "./finding-kinds.js";
import { jsonText } from "./json-text.js";
import { summarize, verdictOf, type Summary, type Verdict } from "./verdict.js";

/**
 * The `--format json` document. Version 1 is a contract with scripts: fields may be added, none
 * renamed or removed without a new version.
 */
export interface JsonReport {
  readonly version: 1;
  readonly base: CommitRef;
  readonly head: CommitRef;
  /** The commit the head was compared with (where it branched off base); null in an audit. */
  readonly mergeBase: string | null;
  readonly verdict: Verdict;
  readonly summary: Summary;
  readonly findings: readonly JsonFinding[];
  readonly improvements: readonly JsonFinding[];
  readonly existing: readonly JsonFinding[];
  readonly warnings: readonly ExtractionWarning[];
  readonly stats: DriftReport["stats"];
  readonly config: { readonly file: string; readonly changed: boolean };
  /** Absent only for a report built by hand; every review fills it. */
  readonly coverage?: JsonCoverage;
}

/** `Coverage` with its totals spelled out for scripts; not-reviewed files listed in full. */
export interface JsonCoverage {
  readonly files: number;
  readonly reviewed: number;
  readonly excluded: number;
  readonly notReviewed: number;
  readonly excludedBy: readonly {
    readonly rule: string;
    readonly default: boolean;
    readonly count: number;
  }[];
  readonly notReviewedBy: readonly {
    readonly reason: string;
    readonly count: number;
    readonly files: readonly string[];
  }[];
}

export interface JsonFinding {
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly importText: string;
  readonly modules: readonly string[];
  /** Every import behind the finding (for cycles, one per hop, the closing import first). */
  readonly imports: readonly JsonImport[];
  readonly hint: string;
  readonly fingerprint: string;
  readonly suppressed?: { readonly reason: string; readonly by: "inline" | "config" };
}

export interface JsonImport {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly line: number;
  readonly kind: EdgeKind;
  readonly text: string;
}

export function renderJson(report: DriftReport): string {
  return jsonText(jsonReportOf(report));
}

export function jsonReportOf(report: DriftReport): JsonReport {
  const groups = groupFindings(report.findings);
  return {
    version: 1,
    base: commitOf(report.base),
    head: commitOf(report.head),
    mergeBase: report.mergeBase ?? null,
    verdict: verdictOf(report.findings),
    summary: summarize(report.findings),
    findings: [...groups.drift, ...groups.suppressed].map(jsonFindingOf),
    improvements: groups.improvements.map(jsonFindingOf),
    existing: bySeverity(report.existing).map(jsonFindingOf),
    warnings: report.warnings.map(({ file, line, message, cause }) =>
      cause === undefined ? { file, line, message } : { file, line, message, cause },
    ),
    stats: {
      modules: report.stats.modules,
      edges: report.stats.edges,
      changedFiles: report.stats.changedFiles,
      durationMs: report.stats.durationMs,
    },
    config: { file: report.configFile, changed: report.configChanged },
    ...(report.coverage === undefined ? {} : { coverage: jsonCoverageOf(report.coverage) }),
  };
}

export function jsonCoverageOf(coverage: Coverage): JsonCoverage {
  return {
    files: coverage.files,
    reviewed: coverage.reviewed,
    excluded: excludedCount(coverage),
    notReviewed: notReviewedCount(coverage),
    excludedBy: coverage.excluded.map(({ rule, isDefault, count }) => ({
      rule,
      default: isDefault,
      count,
    })),
    notReviewedBy: coverage.notReviewed.map(({ reason, files }) => ({
      reason,
      count: files.length,
      files: [...files],
    })),
  };
}

// Fields are copied one by one so the key order, and nothing but the documented keys, reach the output.
function commitOf(commit: CommitRef): CommitRef {
  return { ref: commit.ref, sha: commit.sha };
}

function jsonFindingOf(finding: Finding): JsonFinding {
  const base = {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    importText: finding.importText,
    modules: [...finding.modules],
    imports: finding.edges.map(importOf),
    hint: finding.hint,
    fingerprint: finding.fingerprint,
  };
  if (!finding.suppressed) return base;
  return { ...base, suppressed: { reason: finding.suppressed.reason, by: finding.suppressed.by } };
}

function importOf(edge: Edge): JsonImport {
  return {
    from: edge.from,
    to: edge.to,
    file: edge.file,
    line: edge.line,
    kind: edge.kind,
    text: edge.text,
  };
}
