import { retry } from "@octokit/plugin-retry";
import { Octokit } from "@octokit/rest";

const RetryingOctokit = Octokit.plugin(retry);

/** An Octokit with the workflow's token, retrying GitHub's 5xx answers and dropped connections. */
export function actionOctokit(token: string, env: NodeJS.ProcessEnv, version: string) {
  return new RetryingOctokit({
    auth: token,
    // GitHub Enterprise Server sets its own API URL here; github.com's runners set this one.
    baseUrl: env["GITHUB_API_URL"] || "https://api.github.com",
    userAgent: `archdrift-action/${version}`,
    // Octokit logs every request at info level: the job's log is for the review.
    log: { ...console, debug: () => undefined, info: () => undefined },
  });
}

export type ActionOctokit = ReturnType<typeof actionOctokit>;
