import type { Language } from "../graph/graph.js";

export type Severity = "error" | "warning" | "notice" | "info";
export type Level = Severity | "off";

export const ruleIds = [
  "new-cycle",
  "grown-cycle",
  "package-cycle",
  "domain-cycle",
  "layer-violation",
  "boundary-violation",
  "new-domain-coupling",
  "forbidden",
  "coupling-growth",
] as const;
export type RuleId = (typeof ruleIds)[number];

export interface RuleSetting {
  readonly level: Level;
  /** Only `coupling-growth` reads it: the fan-out a module may reach. */
  readonly threshold?: number;
}

export interface DomainSpec {
  readonly name: string;
  /** Repository-relative folder or file globs that make up the domain. */
  readonly paths: readonly string[];
  /** Globs of the modules other domains may import; empty when the domain declares no interface. */
  readonly interface: readonly string[];
}

export interface ForbiddenRule {
  readonly from: string;
  readonly to: string;
  readonly message?: string;
}

export interface IgnoreEntry {
  readonly rule: RuleId | "*";
  readonly from?: string;
  readonly to?: string;
  readonly reason: string;
}

/** The config as the user wrote it, validated; absent keys are inferred later from the files. */
export interface Policy {
  readonly languages?: readonly Language[];
  readonly roots?: readonly string[];
  readonly exclude: readonly string[];
  readonly domains?: readonly DomainSpec[];
  /** Highest first; the names in one inner list share a layer and may not import each other either. */
  readonly layers: readonly (readonly string[])[];
  readonly forbidden: readonly ForbiddenRule[];
  readonly rules: Readonly<Record<RuleId, RuleSetting>>;
  readonly ignore: readonly IgnoreEntry[];
  /** Where the policy came from, and the line of each key path (e.g. `domains.orders.path`). */
  readonly source: PolicySource;
}

export interface PolicySource {
  /** `.github/archdrift.yml`, a `--config` file, or `(defaults)` when there is none. */
  readonly file: string;
  readonly lines: Readonly<Record<string, number>>;
}

/** A problem with the config: which file, which line, why. */
export interface ConfigError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}
