import { ProbotOctokit } from "probot";

interface RetryableRequest {
  readonly method: string;
  readonly url: string;
  readonly request: { readonly retryCount: number };
}

/**
 * Probot's Octokit gives up on secondary rate limits; a review that stops there leaves a required
 * check hanging, so archdrift waits as GitHub asks (Retry-After) and tries again, a few times.
 */
export const ArchdriftOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: {
    ...(options["throttle"] as object | undefined),
    onRateLimit: (_retryAfter: number, request: RetryableRequest) => request.request.retryCount < 3,
    onSecondaryRateLimit: (_retryAfter: number, request: RetryableRequest) =>
      request.request.retryCount < 3,
  },
}));
