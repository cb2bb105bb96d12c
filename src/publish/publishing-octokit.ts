import type { Octokit } from "@octokit/rest";

/**
 * What publishing needs of an Octokit: the REST methods and pagination. Probot's installation
 * Octokit (the App) and a plain `@octokit/rest` one with a workflow token (the Action) both fit.
 */
export type PublishingOctokit = Pick<Octokit, "rest" | "paginate">;

/** The check run every archdrift review reports on, whoever creates it: branch protection names it. */
export const checkRunName = "archdrift";

/** Where a review is published: a repository and the commit it judged. */
export interface PublishTarget {
  readonly owner: string;
  readonly repo: string;
  readonly headSha: string;
}

/** A review of a pull request, which can carry review comments. */
export type PullTarget = PublishTarget & { readonly pullNumber: number };
