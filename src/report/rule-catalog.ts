import type { FindingRule } from "../drift/finding.js";
import type { Severity } from "../policy/policy.js";

export interface RuleDescription {
  /** One line, for tables and SARIF `shortDescription`. */
  readonly summary: string;
  /** Why it matters, for SARIF `fullDescription` and tooltips. */
  readonly why: string;
  readonly defaultSeverity: Severity;
}

/** The Findings table of the design, in words a reviewer reads next to a finding. */
export const ruleCatalog: Readonly<Record<FindingRule, RuleDescription>> = {
  "new-cycle": {
    summary: "New import cycle",
    why: "A cycle of modules that exists at head and not at base. Modules in a cycle cannot be understood, tested or extracted apart from each other.",
    defaultSeverity: "error",
  },
  "grown-cycle": {
    summary: "Existing cycle gained modules",
    why: "An existing cycle (strongly connected component) pulled in more modules, making the tangle harder to undo.",
    defaultSeverity: "warning",
  },
  "package-cycle": {
    summary: "Sibling packages depend on each other",
    why: "Sibling packages or modules under one parent now depend on each other in a loop (import-linter's acyclic siblings), so neither can change or move without the other.",
    defaultSeverity: "warning",
  },
  "domain-cycle": {
    summary: "Domains depend on each other",
    why: "Two domains now depend on each other, directly or around a loop, so neither can become a service of its own.",
    defaultSeverity: "error",
  },
  "layer-violation": {
    summary: "Import from a lower layer to a higher one",
    why: "Higher layers may import lower ones only; an import the other way ties the core to its callers.",
    defaultSeverity: "error",
  },
  "boundary-violation": {
    summary: "Import into another domain's internals",
    why: "The imported domain declares a public interface; reaching past it couples to details it is free to change.",
    defaultSeverity: "error",
  },
  "new-domain-coupling": {
    summary: "New dependency between domains",
    why: "Two domains that were independent at base now depend on each other in one direction.",
    defaultSeverity: "warning",
  },
  forbidden: {
    summary: "Forbidden import",
    why: "The import matches a from/to rule of the repository's archdrift configuration.",
    defaultSeverity: "error",
  },
  "coupling-growth": {
    summary: "Module fan-out grew past the threshold",
    why: "A module that imports many others is hard to change and to test in isolation.",
    defaultSeverity: "notice",
  },
  "cycle-broken": {
    summary: "Import cycle broken",
    why: "A cycle that existed at base is gone at head.",
    defaultSeverity: "info",
  },
  "coupling-removed": {
    summary: "Domain coupling removed",
    why: "A dependency between two domains that existed at base is gone at head.",
    defaultSeverity: "info",
  },
};
