import { examplePayload } from "./webhooks.js";

export interface PayloadRepository {
  readonly owner: string;
  readonly repo: string;
  /** Where the test's git server serves it. */
  readonly cloneUrl: string;
}

/** The `repository` of an example payload, renamed and pointed at the test's git server. */
export function repositoryPayload(where: PayloadRepository): Record<string, unknown> {
  const repository = examplePayload("pull_request", "opened")["repository"] as Record<
    string,
    unknown
  >;
  return {
    ...repository,
    name: where.repo,
    full_name: `${where.owner}/${where.repo}`,
    owner: { ...(repository["owner"] as object), login: where.owner },
    clone_url: where.cloneUrl,
  };
}

export interface PullRequestFields {
  readonly number: number;
  readonly baseSha: string;
  readonly headSha: string;
  /** The head comes from a fork, `mallory/<repo>`. */
  readonly fork?: boolean | undefined;
}

/** A `pull_request.opened` example payload carrying this pull request's number, base and head. */
export function pullRequestPayload(
  where: PayloadRepository,
  pull: PullRequestFields,
): Record<string, unknown> {
  const payload = examplePayload("pull_request", "opened");
  const repository = repositoryPayload(where);
  const pullRequest = payload["pull_request"] as Record<string, unknown>;
  Object.assign(pullRequest, {
    number: pull.number,
    head: {
      ...(pullRequest["head"] as object),
      sha: pull.headSha,
      repo: pull.fork
        ? { ...repository, full_name: `mallory/${where.repo}`, fork: true }
        : repository,
    },
    base: { ...(pullRequest["base"] as object), sha: pull.baseSha, repo: repository },
  });
  return { ...payload, repository };
}
