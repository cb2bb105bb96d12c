import { parseArgs } from "node:util";
import { createProbot, type Probot } from "probot";
import { readServerEnv } from "../github/archdrift-env.js";
import { createArchdriftLogger } from "../github/archdrift-logger.js";
import { createArchdriftOctokit } from "../github/archdrift-octokit.js";
import { exitOnSigterm } from "../github/exit-on-sigterm.js";
import { createInstallationThrottle } from "../github/installation-throttle.js";
import { startReviewWorker } from "../github/review-worker.js";
import { UsageError, type CliIo, type ExitCode } from "./cli-io.js";

/**
 * `archdrift worker`: reviews queued on Redis by the webhook server, on any machine, until
 * SIGTERM. Reads the server's environment: APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, REDIS_URL,
 * GHE_HOST, ARCHDRIFT_CONCURRENCY, ARCHDRIFT_DATA_DIR, ARCHDRIFT_METRICS_PORT,
 * ARCHDRIFT_GITHUB_TIMEOUT_SECONDS and the review bounds (ARCHDRIFT_MAX_*).
 */
export async function workerCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    options: { concurrency: { type: "string" } },
    strict: true,
  });
  const env: NodeJS.ProcessEnv = {
    ...(io.env ?? process.env),
    ...(values.concurrency === undefined ? {} : { ARCHDRIFT_CONCURRENCY: values.concurrency }),
  };
  const { settings, reviewSettings } = settingsFrom(env);
  if (!settings.redis)
    throw new UsageError("archdrift worker takes reviews from Redis: set REDIS_URL");
  const log = createArchdriftLogger(env);
  const worker = await startReviewWorker(
    { ...settings, redis: settings.redis },
    probotFrom(env, log, settings.githubTimeoutMs, settings.redis),
    log,
    reviewSettings,
  );
  exitOnSigterm(
    async () => {
      await worker.close(settings.graceMs);
      await reviewSettings.cache?.close?.();
    },
    log,
    settings.graceMs,
  );
  return new Promise<ExitCode>(() => {});
}

/** A mistyped ARCHDRIFT_* value stops the worker with a plain message, before it takes any job. */
function settingsFrom(env: NodeJS.ProcessEnv) {
  try {
    return readServerEnv(env);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The same Probot the webhook server builds from the environment, for `probot.auth(installation)`. */
function probotFrom(
  env: NodeJS.ProcessEnv,
  log: ReturnType<typeof createArchdriftLogger>,
  requestTimeoutMs: number,
  redis: { readonly url: string; readonly prefix: string },
): Probot {
  // Shared through Redis with the webhook servers and every other worker.
  const throttle = createInstallationThrottle({
    redis,
    onError: (error) => log.error({ err: error.message }, "throttle connection error"),
  });
  const Octokit = createArchdriftOctokit({ requestTimeoutMs, throttle });
  try {
    // REDIS_URL is archdrift's: Probot would load its own Redis client for its throttle.
    return createProbot({ env: { ...env, REDIS_URL: undefined }, overrides: { log, Octokit } });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      `archdrift worker needs APP_ID and PRIVATE_KEY or PRIVATE_KEY_PATH (${reason})`,
    );
  }
}
