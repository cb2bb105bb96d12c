import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createGraphCache } from "../src/review/create-graph-cache.js";
import { reviewChanges } from "../src/review/review-changes.js";
import type { BenchRepo } from "./bench-repo.js";

export interface ReviewTiming {
  readonly seconds: number;
  readonly findings: number;
  readonly modules: number;
}

/**
 * The pull request's review as a job runs it, from the request to the findings, with the base
 * graph already cached: the cache is warmed by reviewing the base against itself, as the previous
 * review of a commit on `main` would have, so the head graph is still built for this review.
 */
export async function measureWarmReview(repo: BenchRepo): Promise<ReviewTiming> {
  const dir = await mkdtemp(join(tmpdir(), "archdrift-bench-cache-"));
  const cache = createGraphCache({ dir });
  try {
    await reviewChanges({ repoDir: repo.dir, base: repo.base, head: repo.base, cache });
    return await timedReview(repo, cache);
  } finally {
    await cache.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The same review with nothing cached: the CLI's first run, or a new installation's. */
export async function measureColdReview(repo: BenchRepo): Promise<ReviewTiming> {
  return timedReview(repo, undefined);
}

async function timedReview(
  repo: BenchRepo,
  cache: Parameters<typeof reviewChanges>[0]["cache"],
): Promise<ReviewTiming> {
  const started = performance.now();
  const report = await reviewChanges({
    repoDir: repo.dir,
    base: repo.base,
    head: repo.head,
    cache,
  });
  return {
    seconds: (performance.now() - started) / 1000,
    findings: report.findings.length,
    modules: report.stats.modules,
  };
}
