/**
 * Globs on repository paths, matched without backtracking blow-up. A config is not trusted to be
 * kind, and the paths it is matched against come from the pull request: a regex engine (what
 * picomatch compiles to) took minutes on `**\/*a*a*a*a*a*a*a*b` against one long file name.
 *
 * Syntax: `/` separates segments; `**` as a whole segment is any number of segments (none
 * included), elsewhere it is `*`; `*` is any run of characters but `/`; `?` one character but `/`;
 * `[abc]`, `[a-z]`, `[!a]` / `[^a]` one character of a class; `{a,b}` alternatives (nested too).
 * Dot files are matched like any other (picomatch's `dot: true`).
 *
 * The bound: a pattern is a sequence of stars and one-item matchers, at two levels (characters
 * within a segment, segments within the path), matched by the greedy last-star method. After a
 * mismatch only the most recent star gives up one more item, because any match through an earlier
 * star can be moved to the later one; so each restart advances the text position, and between
 * restarts at most the pattern's length of items is compared. One segment costs
 * O(|segment| x |pattern segment|) and the path O(|path| x |pattern|^2): linear in the path.
 */
export type GlobMatcher = (path: string) => boolean;

/** Alternatives a pattern's braces may expand to; beyond, the config is refused. */
export const maxAlternatives = 256;
/** Brace groups in one pattern: more would only nest the expansion deeper. */
const maxBraces = 32;

const star: unique symbol = Symbol("star");
type Star = typeof star;
type CharTest = (char: string) => boolean;
type SegmentTest = (segment: string) => boolean;

/** What is wrong with a pattern this matcher would not read as the user meant, if anything. */
export function globProblem(pattern: string): string | undefined {
  if (pattern.startsWith("!"))
    return "must not start with ! (list what to select, not what to skip)";
  if (/[@!+*?]\(/.test(pattern))
    return "must not use extended globs such as @(a|b) (use {a,b} for alternatives)";
  if (pattern.split("{").length - 1 > maxBraces)
    return `must not have more than ${maxBraces} { } groups`;
  const expanded = expandBraces(pattern, maxAlternatives + 1);
  if (expanded.length > maxAlternatives)
    return `must not expand to more than ${maxAlternatives} alternatives`;
  // picomatch reads `**.py` as `**/*.py` at the start and as `*.py` elsewhere: refuse rather
  // than guess, so a config written for picomatch never selects less without a word.
  if (expanded.some((alternative) => alternative.split("/").some(isPartialGlobstar)))
    return "must not use ** inside a folder name (write **/*.py for every folder, or *.py for one)";
  return undefined;
}

function isPartialGlobstar(segment: string): boolean {
  return segment !== "**" && segment.includes("**");
}

/** Whether the pattern has any glob syntax; one without is a plain path. */
export function isGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/**
 * A matcher for the pattern; `withContents` also selects everything below a folder it matches
 * (the pattern followed by `/**`). A pattern `globProblem` refuses selects nothing.
 */
export function compileGlob(pattern: string, withContents = false): GlobMatcher {
  return compileGlobs([pattern], withContents);
}

/** One matcher for several patterns (any of them), splitting each path once. */
export function compileGlobs(patterns: readonly string[], withContents = false): GlobMatcher {
  const alternatives = patterns
    .filter((pattern) => globProblem(pattern) === undefined)
    .flatMap((pattern) => expandBraces(pattern, maxAlternatives))
    .map((alternative) => {
      const segments = alternative === "" ? [] : alternative.split("/");
      const tokens: (SegmentTest | Star)[] = segments.map(compileSegment);
      // A plain segment must stand in the path as written: most paths fail this substring test
      // (`**/tests/**` needs "tests"), which is far cheaper than matching segment by segment.
      const literals = segments.filter((segment) => segment !== "**" && !isGlob(segment));
      const all: (SegmentTest | Star)[] = withContents ? [...tokens, star] : tokens;
      return { tokens: all, literals };
    });
  return (path) => {
    let segments: string[] | undefined;
    return alternatives.some(({ tokens, literals }) => {
      if (!literals.every((literal) => path.includes(literal))) return false;
      segments ??= path === "" ? [] : path.split("/");
      return matchStars<SegmentTest, string>(tokens, segments, (test, s) => test(s));
    });
  };
}

/** The greedy last-star match of a token sequence against items (see the bound above). */
function matchStars<Test, Item>(
  tokens: readonly (Test | Star)[],
  items: ArrayLike<Item>,
  matches: (test: Test, item: Item) => boolean,
): boolean {
  let token = 0;
  let item = 0;
  let starToken = -1;
  let starItem = 0;
  while (item < items.length) {
    const current = tokens[token];
    if (current === star) {
      starToken = token++;
      starItem = item;
    } else if (current !== undefined && matches(current, items[item] as Item)) {
      token++;
      item++;
    } else if (starToken >= 0) {
      token = starToken + 1;
      item = ++starItem;
    } else return false;
  }
  while (tokens[token] === star) token++;
  return token === tokens.length;
}

function compileSegment(segment: string): SegmentTest | Star {
  if (segment === "**") return star;
  if (!isGlob(segment)) return (text) => text === segment;
  const tokens = segmentTokens(segment);
  return (text) => matchStars<CharTest, string>(tokens, text, (test, char) => test(char));
}

function segmentTokens(segment: string): (CharTest | Star)[] {
  const tokens: (CharTest | Star)[] = [];
  for (let at = 0; at < segment.length;) {
    const char = segment[at] as string;
    if (char === "*") {
      if (tokens.at(-1) !== star) tokens.push(star);
      at++;
    } else if (char === "?") {
      tokens.push(() => true);
      at++;
    } else {
      const end = char === "[" ? classEnd(segment, at) : -1;
      if (end < 0) {
        tokens.push((text) => text === char);
        at++;
      } else {
        tokens.push(charClass(segment.slice(at + 1, end)));
        at = end + 1;
      }
    }
  }
  return tokens;
}

/** Where the class opened at `open` closes (a `]` right after `[` or `[!` is a member); -1 if never. */
function classEnd(segment: string, open: number): number {
  let at = open + 1;
  if (segment[at] === "!" || segment[at] === "^") at++;
  if (segment[at] === "]") at++;
  return segment.indexOf("]", at);
}

function charClass(body: string): CharTest {
  const negated = body.startsWith("!") || body.startsWith("^");
  const members = [...(negated ? body.slice(1) : body)];
  const ranges: [string, string][] = [];
  for (let at = 0; at < members.length; at++) {
    const low = members[at] as string;
    const high = members[at + 2];
    if (members[at + 1] === "-" && high !== undefined) {
      ranges.push([low, high]);
      at += 2;
    } else ranges.push([low, low]);
  }
  return (char) => ranges.some(([low, high]) => char >= low && char <= high) !== negated;
}

/**
 * `{a,b}` alternatives, expanded, at most `limit` of them (the caller checks). A brace with no
 * comma at its level, or never closed, is literal text.
 */
export function expandBraces(pattern: string, limit: number): string[] {
  const open = pattern.indexOf("{");
  if (open < 0) return [pattern];
  const close = matchingBrace(pattern, open);
  if (close < 0) return [pattern];
  const options = topLevelParts(pattern.slice(open + 1, close));
  const head = pattern.slice(0, open);
  if (options.length < 2) {
    const rest = expandBraces(pattern.slice(close + 1), limit);
    return rest.map((tail) => `${head}${pattern.slice(open, close + 1)}${tail}`);
  }
  const tails = expandBraces(pattern.slice(close + 1), limit);
  const results: string[] = [];
  for (const option of options) {
    for (const middle of expandBraces(option, limit)) {
      for (const tail of tails) {
        results.push(`${head}${middle}${tail}`);
        if (results.length >= limit) return results;
      }
    }
  }
  return results;
}

function matchingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let at = open; at < pattern.length; at++) {
    if (pattern[at] === "{") depth++;
    else if (pattern[at] === "}" && --depth === 0) return at;
  }
  return -1;
}

function topLevelParts(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < body.length; at++) {
    const char = body[at];
    if (char === "{") depth++;
    else if (char === "}") depth--;
    else if (char === "," && depth === 0) {
      parts.push(body.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}
