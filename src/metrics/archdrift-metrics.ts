import { Counter, Gauge, Histogram, Registry } from "prom-client";

export type ReviewOutcome =
  | "success"
  | "neutral"
  | "failure"
  | "cancelled"
  | "skipped"
  | "failed"
  | "superseded"
  | "interrupted";

/** Where the queue depth comes from: read on each scrape, so Redis is asked only when someone looks. */
export type DepthSource = () => Promise<number>;

export interface ArchdriftMetrics {
  readonly registry: Registry;
  /** `outcome`: a check-run conclusion, or failed / superseded / interrupted. */
  readonly reviews: Counter<"outcome">;
  readonly reviewDuration: Histogram;
  readonly queueWait: Histogram;
  /** Base-graph cache lookups, counted by src/review. */
  readonly cacheHits: Counter;
  readonly cacheMisses: Counter;
  /** Requests to GitHub that failed after Octokit's own retries; `status` 0 is a network error. */
  readonly githubApiErrors: Counter<"status" | "route">;
  observeQueueDepth(source: DepthSource): void;
}

/**
 * archdrift's metrics on a registry of their own, so a library that registers on prom-client's
 * global registry never leaks into /metrics, and tests can build a fresh set.
 */
export function createArchdriftMetrics(): ArchdriftMetrics {
  const registry = new Registry();
  const registers = [registry];
  let depthSource: DepthSource | undefined;
  new Gauge({
    name: "archdrift_queue_depth",
    help: "Reviews waiting for a worker.",
    registers,
    // A scrape must not fail because Redis is away: the gauge then keeps its last value.
    async collect() {
      const depth = await depthSource?.().catch(() => undefined);
      if (depth !== undefined) this.set(depth);
    },
  });
  return {
    registry,
    reviews: new Counter({
      name: "archdrift_reviews_total",
      help: "Reviews finished, by outcome: a check-run conclusion, failed, superseded or interrupted.",
      labelNames: ["outcome"],
      registers,
    }),
    reviewDuration: new Histogram({
      name: "archdrift_review_duration_seconds",
      help: "Time a worker spent on one review, from start to its last GitHub request.",
      buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
      registers,
    }),
    queueWait: new Histogram({
      name: "archdrift_queue_wait_seconds",
      help: "Time a review waited in the queue before a worker started it.",
      buckets: [0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900],
      registers,
    }),
    cacheHits: new Counter({
      name: "archdrift_graph_cache_hits_total",
      help: "Base graphs found in the cache.",
      registers,
    }),
    cacheMisses: new Counter({
      name: "archdrift_graph_cache_misses_total",
      help: "Base graphs that had to be built.",
      registers,
    }),
    githubApiErrors: new Counter({
      name: "archdrift_github_api_errors_total",
      help: "GitHub API requests that failed after retries, by HTTP status (0: no response) and route.",
      labelNames: ["status", "route"],
      registers,
    }),
    observeQueueDepth(source) {
      depthSource = source;
    },
  };
}

/** The process's metrics: one registry per process, served at /metrics. */
export const metrics: ArchdriftMetrics = createArchdriftMetrics();
