import type { ProbotOctokit } from "probot";

/** An installation-authenticated Octokit, as Probot hands it out. */
export type GitHubOctokit = InstanceType<typeof ProbotOctokit>;
