import { ProbotOctokit } from "probot";
import { metrics } from "../metrics/archdrift-metrics.js";

interface RetryableRequest {
  readonly method: string;
  readonly url: string;
  readonly request: { readonly retryCount: number };
}

type Octokit = InstanceType<typeof ProbotOctokit>;

export interface ArchdriftOctokitOptions {
  /** One HTTP request to GitHub may take this long; then it is aborted and retried like a 500. */
  readonly requestTimeoutMs: number;
}

export const defaultGitHubTimeoutSeconds = 30;

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
 * A `fetch` that gives every HTTP attempt its own deadline. It sits below Octokit's retry plugin,
 * so a request that hangs once is retried like a 500 instead of holding the review until its
 * overall time limit. The error names the route and the limit, never a header.
 */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    try {
      return await fetch(input, { ...init, signal });
    } catch (error) {
      if (!deadline.aborted || init?.signal?.aborted) throw error;
      const method = init?.method ?? "GET";
      const url = input instanceof Request ? input.url : String(input);
      throw new Error(
        `GitHub did not answer ${method} ${routeOf(url)} within ${timeoutMs / 1000} s (ARCHDRIFT_GITHUB_TIMEOUT_SECONDS)`,
      );
    }
  };
}

/**
 * Probot's Octokit with two changes. It gives up on secondary rate limits; a review that stops
 * there leaves a required check hanging, so archdrift waits as GitHub asks (Retry-After) and tries
 * again, a few times. And it has no deadline of its own, so each request gets one.
 */
export function createArchdriftOctokit(options: ArchdriftOctokitOptions) {
  return ProbotOctokit.plugin(countErrors).defaults((given: Record<string, unknown>) => ({
    ...given,
    request: {
      ...(given["request"] as object | undefined),
      fetch: fetchWithTimeout(options.requestTimeoutMs),
    },
    throttle: {
      ...(given["throttle"] as object | undefined),
      onRateLimit: (_retryAfter: number, request: RetryableRequest) =>
        request.request.retryCount < 3,
      onSecondaryRateLimit: (_retryAfter: number, request: RetryableRequest) =>
        request.request.retryCount < 3,
    },
  }));
}

export const ArchdriftOctokit = createArchdriftOctokit({
  requestTimeoutMs: defaultGitHubTimeoutSeconds * 1000,
});
