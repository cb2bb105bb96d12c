import picomatch from "picomatch";

export interface ExcludeMatcher {
  readonly matches: (repoPath: string) => boolean;
  /**
   * The globs that translate to plain regular expressions, for dependency-cruiser's `exclude`.
   * It refuses picomatch's own output as possibly slow, so only `*`, `**` and `?` are translated;
   * the rest are left to `matches`, which every source and target goes through anyway.
   */
  readonly patterns: readonly string[];
}

/** Exclude globs, plus node_modules anywhere: we never install, but a repo may commit one. */
export function excludeMatcher(globs: readonly string[]): ExcludeMatcher {
  const matches = picomatch(["**/node_modules/**", ...globs], { dot: true });
  const patterns = globs.filter((glob) => !/[{}[\]()!+@\\]/.test(glob)).map(globToRegex);
  return { matches, patterns };
}

/**
 * Written to pass dependency-cruiser's safe-regex check, which refuses a repetition inside an
 * optional group: a leading globstar folder becomes `(^|/)`, a trailing one an open end.
 */
function globToRegex(glob: string): string {
  let rest = glob;
  let start = "^";
  let end = "$";
  if (rest.startsWith("**/")) [start, rest] = ["(^|/)", rest.slice(3)];
  if (rest.endsWith("/**")) [end, rest] = ["/", rest.slice(0, -3)];
  const tokens = rest.split(/(\*\*\/|\*\*|\*|\?)/).filter((token) => token !== "");
  return start + tokens.map((token) => translations[token] ?? escape(token)).join("") + end;
}

const translations: Record<string, string> = {
  "**/": "(.*/|)",
  "**": ".*",
  "*": "[^/]*",
  "?": "[^/]",
};

function escape(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, (character) => `\\${character}`);
}
