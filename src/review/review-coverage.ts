import type { Coverage, ExcludedFiles, UnreviewedFiles } from "../drift/coverage.js";
import type { Graph } from "../graph/graph.js";
import { defaultExcludes } from "../policy/default-policy.js";
import { compileGlob, compileGlobs } from "../policy/glob-matcher.js";
import type { Policy } from "../policy/policy.js";
import type { Snapshot } from "../workspace/snapshot.js";
import { sourceLanguageOf } from "./source-files.js";

/** The reason for a source file that no extractor made a module of and gave no reason for. */
export const noModuleReason = "no extractor made a module of it";

/**
 * Where each Python, JavaScript and TypeScript file of the commit went: a module of `graph`,
 * excluded by the first rule that matches it, or not reviewed with the reason the extractor gave
 * (`Graph.unreviewed`) or the bound that skipped it. Other files are never counted.
 */
export function reviewCoverage(snapshot: Snapshot, policy: Policy, graph: Graph): Coverage {
  const skipped = new Map((snapshot.skipped ?? []).map(({ path, reason }) => [path, reason]));
  const paths = [...snapshot.files.map((entry) => entry.path), ...skipped.keys()].filter(
    (path) => sourceLanguageOf(path) !== undefined,
  );
  const reviewed = new Set(graph.modules.map((module) => module.path));
  const reasons = new Map((graph.unreviewed ?? []).map(({ file, reason }) => [file, reason]));
  const ruleOf = excludingRule(policy);
  const excluded = new Map<string, number>();
  const notReviewed = new Map<string, string[]>();
  let reviewedCount = 0;
  for (const path of paths) {
    const rule = ruleOf(path);
    if (rule !== undefined) excluded.set(rule, (excluded.get(rule) ?? 0) + 1);
    else if (reviewed.has(path)) reviewedCount++;
    else {
      const why = skippedReason(skipped.get(path)) ?? reasons.get(path) ?? noModuleReason;
      // Pushed, never copied: 40,000 files outside every root must stay linear.
      const group = notReviewed.get(why) ?? [];
      group.push(path);
      notReviewed.set(why, group);
    }
  }
  return {
    files: paths.length,
    reviewed: reviewedCount,
    excluded: [...excluded]
      .map(([rule, count]): ExcludedFiles => ({ rule, isDefault: isDefault(rule), count }))
      .sort((a, b) => b.count - a.count || compare(a.rule, b.rule)),
    notReviewed: [...notReviewed]
      .map(([reason, files]): UnreviewedFiles => ({ reason, files: files.sort(compare) }))
      .sort((a, b) => b.files.length - a.files.length || compare(a.reason, b.reason)),
  };
}

/** The first `exclude` pattern (or the `languages` key) that leaves a path out, if any. */
function excludingRule(policy: Policy): (path: string) => string | undefined {
  // Globs without backtracking (see glob-matcher.ts): the paths come from the pull request.
  const any = compileGlobs(policy.exclude);
  const each = policy.exclude.map((pattern) => ({ pattern, test: compileGlob(pattern) }));
  return (path) => {
    const language = sourceLanguageOf(path);
    if (language !== undefined && policy.languages && !policy.languages.includes(language)) {
      return "languages";
    }
    // One combined test first: most files match no pattern, and those split the path once.
    if (!any(path)) return undefined;
    const pattern = each.find(({ test }) => test(path))?.pattern;
    return pattern === undefined ? undefined : asWritten(pattern, policy.exclude);
  };
}

/** The policy adds `legacy/**` for a configured `legacy`: the rule is named as the user wrote it. */
function asWritten(pattern: string, patterns: readonly string[]): string {
  const folder = pattern.endsWith("/**") ? pattern.slice(0, -3) : undefined;
  return folder !== undefined && patterns.includes(folder) && !defaults.has(pattern)
    ? folder
    : pattern;
}

/** A bound's reason names each file's size; the group is the bound (the warnings give sizes). */
function skippedReason(reason: string | undefined): string | undefined {
  if (reason === undefined) return undefined;
  return reason.startsWith("not read:")
    ? "too large to read (ARCHDRIFT_MAX_FILE_BYTES)"
    : `not read: ${reason}`;
}

const defaults = new Set(defaultExcludes);

function isDefault(rule: string): boolean {
  return defaults.has(rule);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
