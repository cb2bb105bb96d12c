import type { ModuleNode } from "../graph/graph.js";
import { layerSegments } from "./classify-module.js";
import { lineOf } from "./line-of.js";
import { matchesPathPattern } from "./path-pattern.js";
import type { ConfigError, DomainSpec, Policy } from "./policy.js";

/**
 * Config entries that select no module, each an error at its config line: a domain path, an
 * interface entry, a layer name, a forbidden rule's `from` or `to`. A rule that matches nothing
 * checks nothing, silently, and import-linter users lose months to exactly that.
 * `domains` are the ones classification will use (inferred ones when the config has none), so a
 * layer name is looked for where `layerOf` will look.
 */
export function unmatchedPolicy(
  policy: Policy,
  modules: readonly ModuleNode[],
  domains: readonly DomainSpec[] = policy.domains ?? [],
): ConfigError[] {
  const paths = modules.map((module) => module.path);
  const error = (key: string, message: string): ConfigError => ({
    file: policy.source.file,
    line: lineOf(policy.source, key),
    message,
  });
  return [
    ...(policy.domains ?? []).flatMap((domain) => unmatchedDomain(domain, paths, error)),
    ...unmatchedLayers(policy, modules, domains, error),
    ...policy.forbidden.flatMap((rule, index) =>
      (["from", "to"] as const).flatMap((side) =>
        selectsAny(paths, rule[side])
          ? []
          : [
              error(
                `forbidden.${index}.${side}`,
                `forbidden[${index}] ${side} ${rule[side]} matches no module`,
              ),
            ],
      ),
    ),
  ].sort((a, b) => a.line - b.line);
}

type MakeError = (key: string, message: string) => ConfigError;

function unmatchedDomain(
  domain: DomainSpec,
  paths: readonly string[],
  error: MakeError,
): ConfigError[] {
  const key = `domains.${domain.name}`;
  const inDomain = paths.filter((path) =>
    domain.paths.some((pattern) => matchesPathPattern(path, pattern)),
  );
  const badPaths = domain.paths.flatMap((pattern, index) =>
    selectsAny(paths, pattern)
      ? []
      : [error(`${key}.path.${index}`, `domain ${domain.name} path ${pattern} matches no module`)],
  );
  const badInterface = domain.interface.flatMap((pattern, index) =>
    selectsAny(inDomain, pattern)
      ? []
      : [
          error(
            `${key}.interface.${index}`,
            `domain ${domain.name} interface ${pattern} matches no module of the domain`,
          ),
        ],
  );
  return [...badPaths, ...badInterface];
}

function unmatchedLayers(
  policy: Policy,
  modules: readonly ModuleNode[],
  domains: readonly DomainSpec[],
  error: MakeError,
): ConfigError[] {
  if (policy.layers.length === 0) return [];
  const seen = new Set(modules.flatMap((module) => layerSegments(module, domains)));
  return policy.layers.flatMap((names, index) =>
    names.flatMap((name, inner) =>
      seen.has(name)
        ? []
        : [
            error(
              `layers.${index}.${inner}`,
              `layer ${name} (layers[${index}]) names no folder or module`,
            ),
          ],
    ),
  );
}

function selectsAny(paths: readonly string[], pattern: string): boolean {
  return paths.some((path) => matchesPathPattern(path, pattern));
}
