import { generateKeyPairSync } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { Probot } from "probot";
import { createArchdriftApp } from "../src/github/archdrift-app.js";
import { ArchdriftOctokit } from "../src/github/archdrift-octokit.js";
import { startWebhookServer } from "../src/github/webhook-server.js";

/**
 * The webhook server alone in its process, as in production: `node webhook-server-child.js
 * <githubApiUrl> <secret>` prints its webhook URL and serves until killed. The load generator and
 * the GitHub API stub live in another process, so their work is not timed as the server's.
 */
const [apiUrl, secret] = process.argv.slice(2);
if (!apiUrl || !secret) throw new Error("usage: webhook-server-child <githubApiUrl> <secret>");
const mirrors = await mkdtemp(join(tmpdir(), "archdrift-bench-mirrors-"));
const app = createArchdriftApp({ mirrorsDir: mirrors, concurrency: 2 });
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const log = pino({ level: "silent" });
await app.start(
  new Probot({
    appId: 1,
    privateKey: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    secret,
    log,
    Octokit: ArchdriftOctokit,
    baseUrl: apiUrl,
  }),
);
const server = await startWebhookServer({
  app,
  secret,
  path: "/api/github/webhooks",
  host: "127.0.0.1",
  port: 0,
  log,
});
process.stdout.write(`${server.url}\n`);
