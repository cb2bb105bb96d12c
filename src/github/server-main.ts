import { join } from "node:path";
import { createProbot, run } from "probot";
import { metrics } from "../metrics/archdrift-metrics.js";
import { serveMetrics } from "../metrics/serve-metrics.js";
import { createArchdriftApp } from "./archdrift-app.js";
import { readServerEnv, readWebhookEnv } from "./archdrift-env.js";
import { createArchdriftLogger } from "./archdrift-logger.js";
import { createArchdriftOctokit } from "./archdrift-octokit.js";
import { exitOnSigterm } from "./exit-on-sigterm.js";
import { createInstallationThrottle } from "./installation-throttle.js";
import { startWebhookServer } from "./webhook-server.js";

/**
 * `npm start`: reads APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, WEBHOOK_PATH, PORT,
 * HOST, GHE_HOST as Probot does; without APP_ID it serves Probot's manifest flow that registers
 * the app. With REDIS_URL, reviews go to BullMQ for `archdrift worker` processes (and this one,
 * unless ARCHDRIFT_CONCURRENCY=0). /metrics is served on ARCHDRIFT_METRICS_PORT.
 */
const { settings, reviewSettings } = settingsOrExit(() => readServerEnv(process.env));
const log = createArchdriftLogger(process.env);
if (!process.env["APP_ID"]) {
  await run(() => undefined, { log });
} else {
  const webhook = settingsOrExit(() => readWebhookEnv(process.env));
  const app = createArchdriftApp({
    mirrorsDir: settings.mirrorsDir,
    settings: reviewSettings,
    concurrency: settings.concurrency,
    ...(settings.redis ? { redis: settings.redis } : {}),
    pendingFile: join(settings.dataDir, "pending-reviews.jsonl"),
  });
  const throttle = createInstallationThrottle({
    ...(settings.redis ? { redis: settings.redis } : {}),
    onError: (error) => log.error({ err: error.message }, "throttle connection error"),
  });
  const Octokit = createArchdriftOctokit({ requestTimeoutMs: settings.githubTimeoutMs, throttle });
  // REDIS_URL is archdrift's: Probot would load its own Redis client for its throttle.
  const probotEnv = { ...process.env, REDIS_URL: undefined };
  await app.start(createProbot({ env: probotEnv, overrides: { log, Octokit } }));
  const server = await startWebhookServer({ app, log, ...webhook });
  const served = await serveMetrics(
    metrics.registry,
    settings.metricsPort,
    settings.metricsHost,
    settings.metricsToken,
  );
  log.info({ url: server.url, metricsPort: served.port }, "archdrift listening");
  // Stop taking webhooks first, then give running reviews their grace period.
  exitOnSigterm(
    async () => {
      await server.stop();
      served.server.close();
      await app.close(settings.graceMs);
      await throttle.close();
      await reviewSettings.cache?.close?.();
    },
    log,
    settings.graceMs,
  );
}

/** A mistyped setting stops the server at once with one plain line, not a stack trace. */
function settingsOrExit<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    process.stderr.write(`archdrift: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
