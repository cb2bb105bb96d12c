import path from "node:path";
import type { TsPathsConfig } from "./ts-paths-config.js";
import { repoPathOf, virtualPath } from "./virtual-checkout.js";

/**
 * The repo paths TypeScript would try for a bare specifier under one tsconfig, in order: the best
 * `paths` pattern (an exact key, else the longest prefix before `*`), then `baseUrl`. Targets
 * outside the checkout are dropped. `viaPaths` tells whether a `paths` pattern matched.
 */
export function matchTsPaths(
  specifier: string,
  config: TsPathsConfig,
): { readonly targets: string[]; readonly viaPaths: boolean } {
  const pattern = bestPattern(specifier, Object.keys(config.paths));
  const targets: string[] = [];
  if (pattern !== undefined && config.pathsBase !== null) {
    for (const target of config.paths[pattern] ?? []) {
      const inside = within(config.pathsBase, substitute(target, pattern, specifier));
      if (inside !== undefined) targets.push(inside);
    }
  }
  if (typeof config.baseUrl === "string") {
    const inside = within(config.baseUrl, specifier);
    if (inside !== undefined) targets.push(inside);
  }
  return { targets, viaPaths: pattern !== undefined };
}

function within(folder: string, relative: string): string | undefined {
  return repoPathOf(path.posix.resolve(virtualPath(folder), relative));
}

function bestPattern(specifier: string, patterns: readonly string[]): string | undefined {
  if (patterns.includes(specifier)) return specifier;
  let best: string | undefined;
  for (const pattern of patterns) {
    const star = pattern.indexOf("*");
    if (star < 0 || pattern.indexOf("*", star + 1) >= 0) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    const fits =
      specifier.length >= prefix.length + suffix.length &&
      specifier.startsWith(prefix) &&
      specifier.endsWith(suffix);
    if (fits && (best === undefined || prefix.length > best.indexOf("*"))) best = pattern;
  }
  return best;
}

function substitute(target: string, pattern: string, specifier: string): string {
  const star = pattern.indexOf("*");
  if (star < 0) return target;
  const captured = specifier.slice(star, specifier.length - (pattern.length - star - 1));
  return target.replace("*", captured);
}
