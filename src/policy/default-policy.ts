import type { Policy, RuleId, RuleSetting } from "./policy.js";

/** Fan-out a module may reach before `coupling-growth` fires; 15 sits above most service modules. */
export const defaultCouplingThreshold = 15;

/** Levels from DESIGN.md's Findings table: what breaks the build is what a PR cannot undo later. */
export const defaultRules: Readonly<Record<RuleId, RuleSetting>> = {
  "new-cycle": { level: "error" },
  "grown-cycle": { level: "warning" },
  "package-cycle": { level: "warning" },
  "domain-cycle": { level: "error" },
  "layer-violation": { level: "error" },
  "boundary-violation": { level: "error" },
  "new-domain-coupling": { level: "warning" },
  forbidden: { level: "error" },
  "coupling-growth": { level: "notice", threshold: defaultCouplingThreshold },
};

/**
 * Paths that are not part of the architecture: tests import everything, vendored and generated code
 * is not the team's, docs or examples would make every domain look coupled, and hidden folders hold
 * the tools' configuration.
 */
export const defaultExcludes: readonly string[] = [
  "**/tests/**",
  "**/test/**",
  "**/__tests__/**",
  "**/spec/**",
  "**/*.test.*",
  "**/*.spec.*",
  "**/test_*.py",
  "**/*_test.py",
  "**/tests.py",
  "**/conftest.py",
  "**/node_modules/**",
  "**/.venv/**",
  "**/venv/**",
  "**/.tox/**",
  "**/.nox/**",
  "**/site-packages/**",
  "**/build/**",
  "**/dist/**",
  "**/docs/**",
  "**/examples/**",
  // Hidden files and folders are tooling (.github/, .devcontainer/, .semgrep/, .eslintrc.js).
  "**/.*/**",
];

/** The policy with no config file: everything inferred, only the default rules. */
export function defaultPolicy(file = "(defaults)"): Policy {
  return {
    exclude: defaultExcludes,
    layers: [],
    forbidden: [],
    rules: defaultRules,
    ignore: [],
    source: { file, lines: {} },
  };
}
