import type { Classifier, Layer } from "../drift/classifier.js";
import type { Graph, ModuleNode } from "../graph/graph.js";
import { domainOf, isInterface, layerSegments } from "../policy/classify-module.js";
import { inferDomains } from "../policy/infer-domains.js";
import { matchesPathPattern } from "../policy/path-pattern.js";
import type { DomainSpec, Policy } from "../policy/policy.js";
import { unmatchedPolicy } from "../policy/unmatched-policy.js";
import { ConfigProblem } from "./config-problem.js";

/**
 * The policy's view of modules, for the rules. Domains are inferred from base and head together when
 * the config declares none (a JS/TS workspace's packages when there are some). A config entry that
 * selects no module stops the review: a contract that silently checks nothing is worse than none.
 */
export function classifierFor(
  policy: Policy,
  graphs: readonly Graph[],
  workspaces: readonly string[] = [],
): Classifier {
  const modules = uniqueModules(graphs);
  const domains = policy.domains ?? inferDomains(modules, { workspaces });
  const errors = unmatchedPolicy(policy, modules, domains);
  if (errors.length > 0) throw new ConfigProblem(errors);
  const domainCache = new Map<string, DomainSpec | undefined>();
  const domainSpecOf = (module: ModuleNode): DomainSpec | undefined => {
    if (!domainCache.has(module.path)) domainCache.set(module.path, domainOf(module, domains));
    return domainCache.get(module.path);
  };
  const layerCache = new Map<string, Layer | undefined>();
  // Asked once per edge end: each module is matched against the interface globs once.
  const internalCache = new Map<string, boolean>();
  return {
    domainOf: (module) => domainSpecOf(module)?.name,
    layerOf: (module) => {
      if (!layerCache.has(module.path))
        layerCache.set(module.path, layerOfModule(module, policy, domains));
      return layerCache.get(module.path);
    },
    isInternal: (module) => {
      let internal = internalCache.get(module.path);
      if (internal === undefined) {
        const domain = domainSpecOf(module);
        internal = domain !== undefined && !isInterface(module, domain);
        internalCache.set(module.path, internal);
      }
      return internal;
    },
    matches: (path, pattern) => matchesPathPattern(path, pattern),
  };
}

function layerOfModule(
  module: ModuleNode,
  policy: Policy,
  domains: readonly DomainSpec[],
): Layer | undefined {
  if (policy.layers.length === 0) return undefined;
  for (const name of layerSegments(module, domains)) {
    const index = policy.layers.findIndex((names) => names.includes(name));
    if (index >= 0) return { index, name };
  }
  return undefined;
}

function uniqueModules(graphs: readonly Graph[]): ModuleNode[] {
  const byId = new Map<string, ModuleNode>();
  for (const graph of graphs) for (const module of graph.modules) byId.set(module.id, module);
  return [...byId.values()];
}
