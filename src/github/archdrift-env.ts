import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  positiveSeconds,
  reviewSettingsFromEnv,
  type ReviewSettings,
} from "../review/review-settings.js";
import { defaultGitHubTimeoutSeconds } from "./archdrift-octokit.js";

export interface ArchdriftSettings {
  /** Bare mirrors (`mirrors/`) and, without Redis, cached base graphs (`graphs/`). */
  readonly dataDir: string;
  /** Bare mirrors of reviewed repositories, kept between reviews. */
  readonly mirrorsDir: string;
  /** Reviews this process runs at once; with Redis, 0 makes the webhook server only enqueue. */
  readonly concurrency: number;
  /** How long running reviews may take to finish after SIGTERM before they are handed back. */
  readonly graceMs: number;
  readonly redis?: { readonly url: string; readonly prefix: string };
  /** /metrics has a port of its own, never the webhook's, on 127.0.0.1 unless told otherwise. */
  readonly metricsPort: number;
  readonly metricsHost: string;
  /** When set, /metrics answers only `Authorization: Bearer <token>`. */
  readonly metricsToken?: string;
  /** Each request to GitHub's API is abandoned (and retried) after this long. */
  readonly githubTimeoutMs: number;
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number, not ${JSON.stringify(text)}`);
  return value;
}

/** archdrift's own settings; Probot reads APP_ID, PRIVATE_KEY, GHE_HOST and the rest itself. */
export function readArchdriftEnv(env: NodeJS.ProcessEnv): ArchdriftSettings {
  const redisUrl = env["REDIS_URL"];
  const dataDir = env["ARCHDRIFT_DATA_DIR"] || join(tmpdir(), "archdrift");
  return {
    dataDir,
    mirrorsDir: join(dataDir, "mirrors"),
    concurrency: count(env, "ARCHDRIFT_CONCURRENCY", 2),
    graceMs: count(env, "ARCHDRIFT_SHUTDOWN_GRACE_SECONDS", 25) * 1000,
    ...(redisUrl
      ? { redis: { url: redisUrl, prefix: env["ARCHDRIFT_QUEUE_PREFIX"] || "archdrift" } }
      : {}),
    metricsPort: count(env, "ARCHDRIFT_METRICS_PORT", 9464),
    // Not HOST: a container listening on 0.0.0.0 for GitHub must not publish its metrics too.
    metricsHost: env["ARCHDRIFT_METRICS_HOST"] || "127.0.0.1",
    ...(env["ARCHDRIFT_METRICS_TOKEN"] ? { metricsToken: env["ARCHDRIFT_METRICS_TOKEN"] } : {}),
    githubTimeoutMs:
      positiveSeconds(env, "ARCHDRIFT_GITHUB_TIMEOUT_SECONDS", defaultGitHubTimeoutSeconds) * 1000,
  };
}

/**
 * Everything `npm start` and `archdrift worker` read from the environment. Throws on the first
 * mistyped value, with a message fit to show as it is.
 */
export function readServerEnv(env: NodeJS.ProcessEnv): {
  settings: ArchdriftSettings;
  reviewSettings: ReviewSettings;
} {
  const settings = readArchdriftEnv(env);
  return { settings, reviewSettings: reviewSettingsFromEnv(env, settings.dataDir) };
}

/** Where `npm start` takes deliveries: Probot's variables, read the way Probot reads them. */
export interface WebhookSettings {
  readonly secret: string;
  readonly path: string;
  readonly host: string;
  readonly port: number;
}

export function readWebhookEnv(env: NodeJS.ProcessEnv): WebhookSettings {
  const secret = env["WEBHOOK_SECRET"];
  // Probot would fall back to "development": anyone could then sign deliveries.
  if (!secret) throw new Error("WEBHOOK_SECRET must be set to the App's webhook secret");
  return {
    secret,
    path: env["WEBHOOK_PATH"] || "/api/github/webhooks",
    host: env["HOST"] || "localhost",
    port: count(env, "PORT", 3000),
  };
}
