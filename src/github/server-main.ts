import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "probot";
import { createArchdriftApp } from "./archdrift-app.js";
import { ArchdriftOctokit } from "./archdrift-octokit.js";

/**
 * `npm start`: Probot's own runner reads APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET,
 * PORT, HOST, LOG_LEVEL, GHE_HOST; without APP_ID it serves the manifest flow that registers the app.
 */
const app = createArchdriftApp({
  mirrorsDir: process.env["ARCHDRIFT_DATA_DIR"] ?? join(tmpdir(), "archdrift", "mirrors"),
  concurrency: Number(process.env["ARCHDRIFT_CONCURRENCY"] ?? 2),
});
const server = await run(app.appFn, { Octokit: ArchdriftOctokit });

// Stop taking webhooks, let running reviews finish, then leave.
process.once("SIGTERM", () => {
  void server
    .stop()
    .then(() => app.drained())
    .finally(() => process.exit(0));
});
