import { run } from "probot";
import { createArchdriftApp } from "./archdrift-app.js";
import { readServerEnv } from "./archdrift-env.js";
import { createArchdriftLogger } from "./archdrift-logger.js";
import { createArchdriftOctokit } from "./archdrift-octokit.js";
import { exitOnSigterm } from "./exit-on-sigterm.js";

/**
 * `npm start`: Probot's own runner reads APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET,
 * PORT, HOST, GHE_HOST; without APP_ID it serves the manifest flow that registers the app. With
 * REDIS_URL, reviews go to BullMQ for `archdrift worker` processes (and this one, unless
 * ARCHDRIFT_CONCURRENCY=0).
 */
const { settings, reviewSettings } = settingsOrExit(process.env);
const log = createArchdriftLogger(process.env);
const app = createArchdriftApp({
  mirrorsDir: settings.mirrorsDir,
  settings: reviewSettings,
  concurrency: settings.concurrency,
  metricsToken: settings.metricsToken,
  ...(settings.redis ? { redis: settings.redis } : {}),
});
const Octokit = createArchdriftOctokit({ requestTimeoutMs: settings.githubTimeoutMs });
const server = await run(app.appFn, { Octokit, log });

// Stop taking webhooks first, then give running reviews their grace period.
exitOnSigterm(async () => {
  await server.stop();
  await app.close(settings.graceMs);
  await reviewSettings.cache?.close?.();
}, log);

/** A mistyped ARCHDRIFT_* value stops the server at once with one plain line, not a stack trace. */
function settingsOrExit(env: NodeJS.ProcessEnv) {
  try {
    return readServerEnv(env);
  } catch (error) {
    process.stderr.write(`archdrift: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
