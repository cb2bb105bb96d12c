import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { Redis } from "ioredis";
import { Probot } from "probot";
import { afterEach, beforeEach } from "vitest";
import { createGraphCache } from "../../src/review/create-graph-cache.js";
import type { ReviewSettings } from "../../src/review/review-settings.js";
import { createArchdriftApp, type ArchdriftApp } from "../../src/github/archdrift-app.js";
import { startWebhookServer, type WebhookServer } from "../../src/github/webhook-server.js";
import type { WebhookLimits } from "../../src/github/webhook-limits.js";
import { metrics as processMetrics } from "../../src/metrics/archdrift-metrics.js";
import { serveMetrics } from "../../src/metrics/serve-metrics.js";
import { createArchdriftLogger } from "../../src/github/archdrift-logger.js";
import {
  createArchdriftOctokit,
  defaultGitHubTimeoutSeconds,
} from "../../src/github/archdrift-octokit.js";
import { commitFiles } from "../../src/workspace/scratch-repo.js";
import {
  createServedRepo,
  pushRefs,
  startGitHttpServer,
  type GitHttpServer,
  type ServedRepo,
} from "../support/git-http-server.js";
import { mockGitHubApi, type GitHubApiMock } from "../support/github/github-api-mock.js";
import {
  pullRequestPayload,
  repositoryPayload,
  type PayloadRepository,
} from "../support/github/payloads.js";
import { deliver, examplePayload, signedDelivery } from "../support/github/webhooks.js";
import { FakeGitHub } from "./fake-github.js";

export const owner = "acme";
export const repo = "shop";
const secret = "webhook-secret";
const token = "ghs_archdrift_test_token_0123456789abcdef";
const installationId = 4242;

export interface HarnessOptions {
  /** Review settings (bounds, time limit); a graph cache in a temp folder unless given. */
  readonly settings?: ReviewSettings;
  readonly baseUrl?: string;
  /** Queue on this Redis under a unique prefix, with the worker in the same process. */
  readonly redisUrl?: string;
  /** Each GitHub API request's own deadline (ARCHDRIFT_GITHUB_TIMEOUT_SECONDS in production). */
  readonly githubTimeoutMs?: number;
  /**
   * Bare mirrors go here (a small disk, say) instead of a temp folder of the harness's own. The
   * folder stays the test's: the harness never deletes it, and keeps its graph cache elsewhere.
   */
  readonly mirrorsDir?: string;
  /** ARCHDRIFT_METRICS_TOKEN: /metrics then wants it as a bearer token. */
  readonly metricsToken?: string;
  /** Tighter bounds on unauthenticated input than production's, for tests of them. */
  readonly webhookLimits?: Partial<WebhookLimits>;
}

export interface PullOptions {
  readonly number: number;
  readonly baseSha: string;
  readonly headSha: string;
  /** The head comes from a fork: only refs/pull/N/head carries it. */
  readonly fork?: boolean;
  /** Files GitHub lists without a patch (too large), so no line of theirs can take a comment. */
  readonly withoutPatch?: string[];
  /** What the API says when the job re-reads the pull request. */
  readonly state?: "open" | "closed";
  /** Closed by someone after the review started. */
  readonly closesDuringReview?: boolean;
}

/**
 * Everything a review touches, for real: a Probot server receiving signed webhooks, a git
 * smart-HTTP server that wants the installation token, and GitHub's REST API answered by a fake
 * that checks every request against GitHub's OpenAPI description.
 */
export class AppHarness {
  private constructor(
    readonly api: GitHubApiMock,
    readonly github: FakeGitHub,
    readonly git: GitHttpServer,
    readonly served: ServedRepo,
    private readonly server: WebhookServer,
    private readonly metricsServer: Awaited<ReturnType<typeof serveMetrics>>,
    private readonly app: ArchdriftApp,
    private readonly dirs: string[],
    readonly webhookUrl: string,
    /** Every log line the app wrote, parsed. */
    readonly logLines: Record<string, unknown>[],
    private readonly redis: { readonly url: string; readonly prefix: string } | undefined,
  ) {}

  /** `baseUrl` like `https://ghe.example/api/v3` plays GitHub Enterprise Server (Probot's GHE_HOST). */
  static async start(options: HarnessOptions = {}): Promise<AppHarness> {
    const root = await mkdtemp(join(tmpdir(), "archdrift-e2e-"));
    const mirrors = options.mirrorsDir ?? (await mkdtemp(join(tmpdir(), "archdrift-mirrors-")));
    // A lent mirrors folder gets no graph cache: the harness deletes only the folders it made.
    const graphs =
      options.mirrorsDir === undefined
        ? mirrors
        : await mkdtemp(join(tmpdir(), "archdrift-graphs-"));
    const served = await createServedRepo(root, `${owner}/${repo}`);
    const git = await startGitHttpServer({ root, token });
    const api = mockGitHubApi({
      installationToken: token,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    });
    const github = new FakeGitHub(api, owner, repo, served.workDir);
    const redis = options.redisUrl
      ? { url: options.redisUrl, prefix: `archdrift-test-${process.pid}-${Date.now()}` }
      : undefined;
    const app = createArchdriftApp({
      mirrorsDir: mirrors,
      settings: options.settings ?? { cache: createGraphCache({ dir: join(graphs, "graphs") }) },
      concurrency: 2,
      ...(redis ? { redis: { ...redis, supersedeCheckMs: 100 } } : {}),
    });
    const logLines: Record<string, unknown>[] = [];
    const log = createArchdriftLogger(
      { LOG_LEVEL: "info" },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString().split("\n").filter(Boolean))
            logLines.push(JSON.parse(line) as Record<string, unknown>);
          done();
        },
      }),
    );
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const probot = new Probot({
      appId: 1,
      privateKey: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      secret,
      log,
      Octokit: createArchdriftOctokit({
        requestTimeoutMs: options.githubTimeoutMs ?? defaultGitHubTimeoutSeconds * 1000,
      }),
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    });
    await app.start(probot);
    const server = await startWebhookServer({
      app,
      secret,
      path: "/api/github/webhooks",
      host: "127.0.0.1",
      port: 0,
      log,
      ...(options.webhookLimits ? { limits: options.webhookLimits } : {}),
    });
    const metricsServer = await serveMetrics(
      processMetrics.registry,
      0,
      "127.0.0.1",
      options.metricsToken,
    );
    const webhookUrl = server.url;
    return new AppHarness(
      api,
      github,
      git,
      served,
      server,
      metricsServer,
      app,
      // What the harness made: `graphs` is the mirrors folder unless the test lent one.
      [root, graphs],
      webhookUrl,
      logLines,
      redis,
    );
  }

  async stop(): Promise<void> {
    this.github.releaseHangs();
    await this.app.drained();
    await this.server.stop();
    await new Promise((resolve) => this.metricsServer.server.close(resolve));
    await this.app.close(1_000);
    if (this.redis) await deleteKeys(this.redis.url, this.redis.prefix);
    await this.git.close();
    this.api.restore();
    await Promise.all(this.dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }

  /** Commits on the served repository's work copy and publishes the refs, as pushes to GitHub do. */
  async commit(files: Record<string, string | null>, message: string): Promise<string> {
    return commitFiles(this.served.workDir, files, message);
  }

  async publish(refs: Record<string, string>): Promise<void> {
    await pushRefs(this.served, refs);
  }

  /** Opens (or updates) pull request `number` from base to head and delivers the webhook. */
  async pullRequestEvent(
    action: "opened" | "synchronize" | "reopened",
    pull: PullOptions,
    deliveryId?: string,
  ) {
    this.github.pulls.set(pull.number, {
      number: pull.number,
      state: pull.state ?? "open",
      baseSha: pull.baseSha,
      headSha: pull.headSha,
      ...(pull.withoutPatch ? { withoutPatch: pull.withoutPatch } : {}),
      ...(pull.closesDuringReview ? { closesDuringReview: true } : {}),
    });
    const payload = {
      ...pullRequestPayload(this.where(), pull),
      action,
      installation: { id: installationId, node_id: "MDIz" },
    };
    return this.send("pull_request", payload, deliveryId);
  }

  async send(event: string, payload: Record<string, unknown>, deliveryId?: string) {
    const delivery = signedDelivery({
      event,
      payload,
      secret,
      ...(deliveryId ? { id: deliveryId } : {}),
    });
    const response = await deliver(this.webhookUrl, delivery);
    return response;
  }

  /** The repository as payloads describe it, cloned from the local git server. */
  repositoryPayload(): Record<string, unknown> {
    return repositoryPayload(this.where());
  }

  private where(): PayloadRepository {
    return { owner, repo, cloneUrl: `${this.git.url}${this.served.urlPath}` };
  }

  withInstallation(payload: Record<string, unknown>): Record<string, unknown> {
    return {
      ...payload,
      repository: this.repositoryPayload(),
      installation: { id: installationId, node_id: "MDIz" },
    };
  }

  exampleWith(event: string, action: string): Record<string, unknown> {
    return examplePayload(event, action);
  }

  exampleCheckRun(): Record<string, unknown> {
    return examplePayload("check_run", "rerequested")["check_run"] as Record<string, unknown>;
  }

  exampleCheckSuite(): Record<string, unknown> {
    return examplePayload("check_suite", "rerequested")["check_suite"] as Record<string, unknown>;
  }

  /** GET /metrics on its own port (`webhookPort`: on the webhook's), as Prometheus scrapes it. */
  async metrics(
    authorization?: string,
    port: "metrics" | "webhook" = "metrics",
  ): Promise<{ status: number; type: string | null; text: string }> {
    const url =
      port === "webhook"
        ? this.webhookUrl.replace("/api/github/webhooks", "/metrics")
        : `http://127.0.0.1:${this.metricsServer.port}/metrics`;
    const response = await fetch(url, authorization ? { headers: { authorization } } : {});
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      text: await response.text(),
    };
  }

  async settled(): Promise<void> {
    await this.app.drained();
  }

  get token(): string {
    return token;
  }

  /** The queue's Redis URL and key prefix, when the harness queues on Redis. */
  get queueRedis(): { readonly url: string; readonly prefix: string } | undefined {
    return this.redis;
  }
}

/**
 * A fresh harness for each test, stopped after it, and the test fails on any request that does
 * not match GitHub's OpenAPI description or that nothing answered.
 */
export function useAppHarness(options: HarnessOptions = {}): AppHarness {
  let current: AppHarness | undefined;
  beforeEach(async () => {
    current = await AppHarness.start(options);
  });
  afterEach(async () => {
    await current?.stop();
    current?.api.assertNoViolations();
    current?.api.assertAllHandled();
  });
  return new Proxy({} as AppHarness, {
    get: (_target, property) => {
      if (!current) throw new Error("the harness runs inside a test only");
      const value: unknown = Reflect.get(current, property);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}

/** Only this harness's keys: the Redis server is shared and never flushed. */
async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}
