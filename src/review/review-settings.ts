import { join } from "node:path";
import { workspaceLimitsFromEnv, type WorkspaceLimits } from "../workspace/workspace-limits.js";
import { createGraphCache } from "./create-graph-cache.js";
import type { GraphCache } from "./graph-cache.js";
import { maxParseMsFromEnv } from "./max-parse-ms.js";

export type { WorkspaceLimits };
export { defaultMaxParseMs, maxParseMsFromEnv } from "./max-parse-ms.js";

/** How reviews run in a server or worker: shared caches and the bounds on untrusted input. */
export interface ReviewSettings {
  readonly cache?: (GraphCache & { close?(): Promise<void> }) | undefined;
  readonly limits?: WorkspaceLimits | undefined;
  /** A review taking longer ends with a completed check run that says so. */
  readonly timeoutMs?: number | undefined;
  /** One Python file's parse taking longer ends the review the same way, naming the file. */
  readonly maxParseMs?: number | undefined;
}

export const defaultReviewTimeoutSeconds = 600;

/**
 * Settings from the environment: ARCHDRIFT_MAX_FILES, ARCHDRIFT_MAX_FILE_BYTES,
 * ARCHDRIFT_MAX_TOTAL_BYTES, ARCHDRIFT_MAX_FETCH_BYTES, ARCHDRIFT_MAX_PARSE_MS,
 * ARCHDRIFT_REVIEW_TIMEOUT_SECONDS; base graphs cached in Redis when REDIS_URL is set (shared by
 * every worker), else on disk under `dataDir/graphs`.
 */
export function reviewSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
): ReviewSettings {
  const redisUrl = env["REDIS_URL"];
  return {
    limits: workspaceLimitsFromEnv(env),
    timeoutMs:
      positiveSeconds(env, "ARCHDRIFT_REVIEW_TIMEOUT_SECONDS", defaultReviewTimeoutSeconds) * 1000,
    maxParseMs: maxParseMsFromEnv(env),
    cache: createGraphCache(redisUrl ? { redisUrl } : { dir: join(dataDir, "graphs") }),
  };
}

/** A positive number of seconds from the environment, or `fallback` when unset. */
export function positiveSeconds(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number of seconds, not ${JSON.stringify(raw)}`);
  return value;
}
