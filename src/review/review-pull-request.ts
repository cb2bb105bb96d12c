import type { DriftReport } from "../drift/drift-report.js";
import { metrics } from "../metrics/archdrift-metrics.js";
import { fetchPullRequest } from "../workspace/fetch-pull-request.js";
import type { WorkspaceLimits } from "../workspace/workspace-limits.js";
import type { GraphCache } from "./graph-cache.js";
import type { ConfigFile } from "./load-policy.js";
import { reviewChanges } from "./review-changes.js";

export interface PullRequestReview {
  readonly mirrorsDir: string;
  readonly repoFullName: string;
  readonly cloneUrl: string;
  readonly token: string;
  /** Absent for a merge group. */
  readonly pullNumber?: number | undefined;
  readonly baseSha: string;
  readonly headSha: string;
  /** A config resolved elsewhere (organisation defaults through `_extends`); else the base's own file. */
  readonly config?: ConfigFile;
  readonly signal?: AbortSignal;
  /** Shared base graphs (see `createGraphCache`); keyed by `repoFullName`. */
  readonly cache?: GraphCache | undefined;
  readonly limits?: WorkspaceLimits | undefined;
  /** See `ReviewRequest.maxParseMs`. */
  readonly maxParseMs?: number | undefined;
}

/** The review of a pull request on a remote repository: fetch both commits, then judge the change. */
export async function reviewPullRequest(request: PullRequestReview): Promise<DriftReport> {
  const { repoDir } = await fetchPullRequest({
    mirrorsDir: request.mirrorsDir,
    repoFullName: request.repoFullName,
    cloneUrl: request.cloneUrl,
    token: request.token,
    pullNumber: request.pullNumber,
    baseSha: request.baseSha,
    headSha: request.headSha,
    ...(request.signal ? { signal: request.signal } : {}),
    maxFetchBytes: request.limits?.maxFetchBytes,
  });
  request.signal?.throwIfAborted();
  const report = await reviewChanges({
    repoDir,
    base: request.baseSha,
    head: request.headSha,
    ...(request.config ? { config: request.config } : {}),
    cache: request.cache && counted(request.cache),
    repoId: request.repoFullName,
    limits: request.limits,
    maxParseMs: request.maxParseMs,
    signal: request.signal,
  });
  request.signal?.throwIfAborted();
  return report;
}

/**
 * Base-graph lookups on the server's /metrics; a cache that failed counts as a miss. Counted here,
 * in the app's use case, so the CLI never loads the metrics registry.
 */
function counted(cache: GraphCache): GraphCache {
  return {
    set: (key, base) => cache.set(key, base),
    ...(cache.nearestScans ? { nearestScans: cache.nearestScans.bind(cache) } : {}),
    async get(key) {
      const found = await cache.get(key).catch(() => undefined);
      (found ? metrics.cacheHits : metrics.cacheMisses).inc();
      return found;
    },
  };
}
