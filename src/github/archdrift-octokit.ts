import { ProbotOctokit } from "probot";
import { metrics } from "../metrics/archdrift-metrics.js";

interface RetryableRequest {
  readonly method: string;
  readonly url: string;
  readonly request: { readonly retryCount: number };
}

type Octokit = InstanceType<typeof ProbotOctokit>;

/** Routes as templates, and ids in absolute (pagination) URLs folded, so labels stay few. */
function routeOf(url: string): string {
  const path = url.split("?")[0] ?? url;
  return path.replace(/^https?:\/\/[^/]+(\/api\/v3)?/, "").replace(/\/\d+(?=\/|$)/g, "/{id}");
}

/** Counts failed requests once Octokit's retries gave up, for archdrift_github_api_errors_total. */
function countErrors(octokit: Pick<Octokit, "hook">): void {
  octokit.hook.error("request", (error, options) => {
    const status = "status" in error && typeof error.status === "number" ? error.status : 0;
    metrics.githubApiErrors.inc({ status: String(status), route: routeOf(String(options.url)) });
    throw error;
  });
}

/**
 * Probot's Octokit gives up on secondary rate limits; a review that stops there leaves a required
 * check hanging, so archdrift waits as GitHub asks (Retry-After) and tries again, a few times.
 */
export const ArchdriftOctokit = ProbotOctokit.plugin(countErrors).defaults(
  (options: Record<string, unknown>) => ({
    ...options,
    throttle: {
      ...(options["throttle"] as object | undefined),
      onRateLimit: (_retryAfter: number, request: RetryableRequest) =>
        request.request.retryCount < 3,
      onSecondaryRateLimit: (_retryAfter: number, request: RetryableRequest) =>
        request.request.retryCount < 3,
    },
  }),
);
