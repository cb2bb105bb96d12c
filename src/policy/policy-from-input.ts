import type { Language } from "../graph/graph.js";
import { defaultExcludes, defaultRules } from "./default-policy.js";
import { normalizeRepoPath } from "./normalize-repo-path.js";
import type {
  DomainSpec,
  ForbiddenRule,
  IgnoreEntry,
  Policy,
  PolicySource,
  RuleId,
  RuleSetting,
} from "./policy.js";
import { ruleIds } from "./policy.js";
import type { PolicyInput } from "./policy-schema.js";

/** The validated config in the shape the rest of archdrift reads: paths normalised, defaults merged. */
export function policyFromInput(input: PolicyInput, source: PolicySource): Policy {
  const exclude = unique([
    ...(input.default_excludes === false ? [] : defaultExcludes),
    ...(input.exclude ?? []).map(normalizePattern).flatMap(withContents),
  ]);
  return {
    ...(input.languages === undefined ? {} : { languages: languagesOf(input.languages) }),
    ...(input.roots === undefined ? {} : { roots: unique(input.roots.map(normalizePattern)) }),
    exclude,
    ...(input.domains === undefined ? {} : { domains: domainsOf(input.domains) }),
    layers: (input.layers ?? []).map((entry) => (typeof entry === "string" ? [entry] : entry)),
    forbidden: (input.forbidden ?? []).map(forbiddenOf),
    rules: rulesOf(input.rules ?? {}),
    ignore: (input.ignore ?? []).map(ignoreOf),
    source,
  };
}

function languagesOf(names: readonly string[]): Language[] {
  return unique(names.map((name): Language => (name === "python" ? "python" : "javascript")));
}

function domainsOf(domains: NonNullable<PolicyInput["domains"]>): DomainSpec[] {
  return Object.entries(domains).map(([name, spec]) => {
    const declared = typeof spec === "string" || Array.isArray(spec) ? { path: spec } : spec;
    return {
      name,
      paths: listOf(declared.path).map(normalizePattern),
      interface: listOf(declared.interface).map(normalizePattern),
    };
  });
}

function forbiddenOf(rule: NonNullable<PolicyInput["forbidden"]>[number]): ForbiddenRule {
  return {
    from: normalizePattern(rule.from),
    to: normalizePattern(rule.to),
    ...(rule.message === undefined ? {} : { message: rule.message }),
  };
}

function ignoreOf(entry: NonNullable<PolicyInput["ignore"]>[number]): IgnoreEntry {
  return {
    rule: entry.rule,
    ...(entry.from === undefined ? {} : { from: normalizePattern(entry.from) }),
    ...(entry.to === undefined ? {} : { to: normalizePattern(entry.to) }),
    reason: entry.reason.trim(),
  };
}

function rulesOf(rules: NonNullable<PolicyInput["rules"]>): Record<RuleId, RuleSetting> {
  const merged = { ...defaultRules };
  for (const id of ruleIds) {
    const setting = rules[id];
    if (setting === undefined) continue;
    const base = defaultRules[id];
    if (typeof setting === "string") merged[id] = { ...base, level: setting };
    else merged[id] = { ...base, ...withoutUndefined(setting) };
  }
  return merged;
}

function withoutUndefined(setting: {
  level?: RuleSetting["level"] | undefined;
  threshold?: number | undefined;
}) {
  return {
    ...(setting.level === undefined ? {} : { level: setting.level }),
    ...(setting.threshold === undefined ? {} : { threshold: setting.threshold }),
  };
}

/**
 * Excludes are matched as plain globs by the file lister, where `legacy` would match only a
 * file of that name; a user naming a folder (or a glob that matches folders) means what is in it.
 */
function withContents(pattern: string): string[] {
  return pattern.endsWith("/**") || pattern === "" ? [pattern] : [pattern, `${pattern}/**`];
}

/** The schema already rejected paths that leave the repository, so normalising cannot fail here. */
function normalizePattern(pattern: string): string {
  return normalizeRepoPath(pattern) ?? pattern;
}

function listOf(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : value;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
