import type { Segment } from "./openapi-operations.js";

export interface PathMatch {
  params: Record<string, string>;
  /** One rank a segment (literal 2, mixed 1, parameter 0): compared left to right, higher wins. */
  ranks: number[];
}

/**
 * Parameters that may hold raw slashes (`contents/src/a.ts`, `git/refs/heads/main`) when they
 * end a template. Octokit encodes them as %2F, but hand-built URLs and GitHub itself use `/`.
 */
const GREEDY_PARAMS = new Set(["path", "ref", "basehead"]);

export function matchPath(segments: Segment[], pathSegments: string[]): PathMatch | undefined {
  if (segments.length === pathSegments.length) return matchEach(segments, pathSegments);
  const last = segments.at(-1);
  if (last?.kind !== "param" || !GREEDY_PARAMS.has(last.name)) return undefined;
  if (pathSegments.length < segments.length) return undefined;
  const head = pathSegments.slice(0, segments.length - 1);
  const tail = pathSegments.slice(segments.length - 1).join("/");
  const match = matchEach(segments, [...head, tail]);
  // A greedy match ranks below any exact one of the same length.
  return match && { params: match.params, ranks: [...match.ranks.slice(0, -1), -1] };
}

function matchEach(segments: Segment[], pathSegments: string[]): PathMatch | undefined {
  const params: Record<string, string> = {};
  const ranks: number[] = [];
  for (const [index, segment] of segments.entries()) {
    const text = pathSegments[index]!;
    if (segment.kind === "literal") {
      if (decode(text) !== segment.text) return undefined;
      ranks.push(2);
    } else if (segment.kind === "param") {
      params[segment.name] = decode(text);
      ranks.push(0);
    } else {
      const found = segment.pattern.exec(text);
      if (!found) return undefined;
      segment.names.forEach((name, at) => (params[name] = decode(found[at + 1]!)));
      ranks.push(1);
    }
  }
  return { params, ranks };
}

export function compareRanks(a: number[], b: number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
