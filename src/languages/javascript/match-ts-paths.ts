import path from "node:path";
import type { TsPathsConfig } from "./ts-paths-config.js";

/**
 * The absolute targets TypeScript would try for a bare specifier under one tsconfig, in order:
 * the best `paths` pattern (an exact key, else the longest prefix before `*`), then `baseUrl`.
 * `viaPaths` tells whether a `paths` pattern matched, which is what makes a package's own tsconfig
 * override the root one.
 */
export function matchTsPaths(
  specifier: string,
  config: TsPathsConfig,
): { readonly targets: string[]; readonly viaPaths: boolean } {
  const pattern = bestPattern(specifier, Object.keys(config.paths));
  const targets =
    pattern === undefined
      ? []
      : (config.paths[pattern] ?? []).map((target) =>
          path.resolve(config.pathsBase, substitute(target, pattern, specifier)),
        );
  if (config.baseUrl !== undefined) targets.push(path.resolve(config.baseUrl, specifier));
  return { targets, viaPaths: pattern !== undefined };
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
