import { compileGlob, isGlob, type GlobMatcher } from "./glob-matcher.js";

/**
 * How a config path selects files, the same for domains, interfaces, forbidden rules and ignores:
 * a plain path selects that file or folder and everything below it (`src/shop/orders` also selects
 * the module file `src/shop/orders.py`); a glob selects the paths it matches and everything below
 * a folder it matches, so a trailing `/**` is optional. `""` selects everything. Globs are matched
 * in time linear in the path's length (see `glob-matcher.ts`).
 */
export function matchesPathPattern(path: string, pattern: string): boolean {
  const compiled = compile(pattern);
  if (compiled.literal) return matchesLiteral(path, pattern);
  return compiled.match(path);
}

/** The fixed folder prefix of a pattern: the pattern itself, or the part of a glob before any wildcard. */
export function patternBase(pattern: string): string {
  return compile(pattern).base;
}

/** Orders overlapping patterns: the one with the longer fixed prefix is the more specific. */
export function patternSpecificity(pattern: string): number {
  const { literal, base } = compile(pattern);
  // A literal `src/shop` names the folder exactly; a glob with the same base is looser.
  return base.length * 2 + (literal ? 1 : 0);
}

interface Compiled {
  readonly literal: boolean;
  readonly base: string;
  readonly match: GlobMatcher;
}

/** Compiled globs, shared: classification asks the same few patterns about thousands of modules. */
const cache = new Map<string, Compiled>();
const maxCached = 10_000;

function compile(pattern: string): Compiled {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  const compiled = compileUncached(pattern);
  if (cache.size >= maxCached) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

function compileUncached(pattern: string): Compiled {
  if (!isGlob(pattern)) return { literal: true, base: pattern, match: (path) => path === pattern };
  const segments = pattern.split("/");
  const fixed = segments.findIndex((segment) => isGlob(segment));
  return {
    literal: false,
    base: segments.slice(0, fixed).join("/"),
    match: compileGlob(pattern, true),
  };
}

function matchesLiteral(path: string, pattern: string): boolean {
  if (pattern === "" || path === pattern || path.startsWith(`${pattern}/`)) return true;
  const dot = path.lastIndexOf(".");
  return dot > path.lastIndexOf("/") && path.slice(0, dot) === pattern;
}
