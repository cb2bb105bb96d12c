import { setTimeout as sleep } from "node:timers/promises";
import { ProbotOctokit } from "probot";
import { metrics } from "../metrics/archdrift-metrics.js";
import { createInstallationThrottle, type InstallationThrottle } from "./installation-throttle.js";

interface RetryableRequest {
  readonly method: string;
  readonly url: string;
  readonly request: { readonly retryCount: number };
}

type Octokit = InstanceType<typeof ProbotOctokit>;

export interface ArchdriftOctokitOptions {
  /** One HTTP request to GitHub may take this long; then it is aborted and retried like a 500. */
  readonly requestTimeoutMs: number;
  /** Limiters shared by every Octokit of this class; in memory, a second a write, if absent. */
  readonly throttle?: InstallationThrottle;
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

/** Content-creating requests; making an installation token is the app's, not the installation's. */
function isWrite(method: string, url: string): boolean {
  if (method === "GET" || method === "HEAD") return false;
  return !/\/app\/installations\/[^/]+\/access_tokens$|\/applications\//.test(url);
}

/**
 * Registered after plugin-throttling, so outside it: a write holds its installation's slot from
 * before the throttle and retries until GitHub answered, and the next one starts an interval later.
 */
function gateWrites(throttle: InstallationThrottle) {
  return (octokit: Pick<Octokit, "hook">, octokitOptions: object) => {
    const given = (octokitOptions as { throttle?: { id?: unknown } }).throttle?.id;
    const limiter = throttle.writes.key(typeof given === "string" ? given : "app");
    octokit.hook.wrap("request", (request, requestOptions) =>
      isWrite(requestOptions.method, String(requestOptions.url))
        ? limiter.schedule(async () => {
            try {
              return await request(requestOptions);
            } finally {
              // Spaced from the answer, not the start: a request delayed on its way (the read
              // limiter, Redis) must not reach GitHub just before the next one.
              await sleep(throttle.writeIntervalMs);
            }
          })
        : request(requestOptions),
    );
  };
}

/**
 * The throttle id: plugin-throttling keys its limiters by it and defaults it to one value for
 * all, so every installation would share one write queue. An installation's Octokit gets its own.
 */
function throttleId(given: Record<string, unknown>): string {
  const auth = given["auth"] as { installationId?: unknown } | undefined;
  const id = auth?.installationId;
  return typeof id === "number" || typeof id === "string" ? `installation-${id}` : "app";
}

/**
 * Probot's Octokit with three changes. It gives up on secondary rate limits; a review that stops
 * there leaves a required check hanging, so archdrift waits as GitHub asks (Retry-After) and tries
 * again, a few times. It has no deadline of its own, so each request gets one. And its writes
 * queue per installation (see `createInstallationThrottle`), not once for the whole process.
 */
export function createArchdriftOctokit(options: ArchdriftOctokitOptions) {
  const throttle = options.throttle ?? createInstallationThrottle();
  return ProbotOctokit.plugin(countErrors, gateWrites(throttle)).defaults(
    (given: Record<string, unknown>) => ({
      ...given,
      request: {
        ...(given["request"] as object | undefined),
        fetch: fetchWithTimeout(options.requestTimeoutMs),
      },
      throttle: {
        ...(given["throttle"] as object | undefined),
        ...throttle.groups,
        id: throttleId(given),
        onRateLimit: (_retryAfter: number, request: RetryableRequest) =>
          request.request.retryCount < 3,
        onSecondaryRateLimit: (_retryAfter: number, request: RetryableRequest) =>
          request.request.retryCount < 3,
      },
    }),
  );
}

export const ArchdriftOctokit = createArchdriftOctokit({
  requestTimeoutMs: defaultGitHubTimeoutSeconds * 1000,
});
