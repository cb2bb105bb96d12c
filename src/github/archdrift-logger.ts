import { pino, type DestinationStream, type Logger } from "pino";

/**
 * Probot redacts nothing. These cover the places a secret can reach a log line: request headers
 * (pino-http's `req`, Octokit's `request` on errors), Octokit's `auth` options, and fields that
 * hold tokens, keys or the webhook secret.
 */
export const redactedPaths = [
  "req.headers.authorization",
  "req.headers.cookie",
  "headers.authorization",
  "*.headers.authorization",
  "request.headers.authorization",
  "err.request.headers.authorization",
  "err.response.headers.authorization",
  "auth",
  "*.auth",
  "token",
  "*.token",
  "privateKey",
  "*.privateKey",
  "secret",
  "*.secret",
  "webhookSecret",
  "PRIVATE_KEY",
  "WEBHOOK_SECRET",
];

/** JSON lines, level from LOG_LEVEL; one logger for Probot, the queue and every job. */
export function createArchdriftLogger(
  env: NodeJS.ProcessEnv,
  destination?: DestinationStream,
): Logger {
  const options = {
    name: "archdrift",
    level: env["LOG_LEVEL"] ?? "info",
    redact: { paths: redactedPaths, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}
