import { createHash } from "node:crypto";
import { canonicalJson } from "../policy/policy-hash.js";
import type { Policy } from "../policy/policy.js";
import { analyserVersion } from "./analyser-version.js";

/** What a cached graph depends on; two reviews with equal keys would build equal graphs. */
export interface GraphCacheKey {
  readonly repo: string;
  readonly commit: string;
  readonly analyser: string;
  /** Digest of the extraction settings: languages, excludes and the Python roots in use. */
  readonly extraction: string;
}

export function graphCacheKey(
  repo: string,
  commit: string,
  policy: Policy,
  pythonRoots: readonly string[],
): GraphCacheKey {
  return {
    repo,
    commit,
    analyser: analyserVersion,
    extraction: extractionHash(policy, pythonRoots),
  };
}

/**
 * Only what changes the graph: domains, layers and rules are applied later. The roots actually used
 * stand in for `policy.roots`, since inferred roots come from base and head together.
 */
export function extractionHash(policy: Policy, pythonRoots: readonly string[]): string {
  const meaning = {
    languages: policy.languages ?? null,
    exclude: policy.exclude,
    pythonRoots,
  };
  return createHash("sha256").update(canonicalJson(meaning)).digest("hex").slice(0, 32);
}

/** One string per key, for stores that take names. */
export function graphCacheName(key: GraphCacheKey): string {
  return `graph:${key.repo}:${key.commit}:${key.analyser}:${key.extraction}`;
}
