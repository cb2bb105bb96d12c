import type { GitHubOctokit } from "./github-octokit.js";
import type { ReviewTarget } from "./review-target.js";

interface RepositoryPayload {
  readonly repository?: {
    readonly name: string;
    readonly clone_url: string;
    readonly owner: { readonly login: string };
  };
  readonly installation?: { readonly id: number } | undefined;
}

interface PullRequestLike {
  readonly number: number;
  readonly head: { readonly sha: string };
  readonly base: { readonly sha: string };
}

function repositoryOf(payload: RepositoryPayload) {
  const installationId = payload.installation?.id;
  if (installationId === undefined || !payload.repository) {
    throw new Error("the event carries no installation or repository");
  }
  return {
    installationId,
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    cloneUrl: payload.repository.clone_url,
  };
}

export function pullRequestTarget(
  payload: RepositoryPayload & { readonly pull_request: PullRequestLike },
  event: string,
): ReviewTarget {
  return {
    ...repositoryOf(payload),
    pullNumber: payload.pull_request.number,
    headSha: payload.pull_request.head.sha,
    baseSha: payload.pull_request.base.sha,
    event,
  };
}

export function mergeGroupTarget(
  payload: RepositoryPayload & {
    readonly merge_group: { readonly head_sha: string; readonly base_sha: string };
  },
): ReviewTarget {
  return {
    ...repositoryOf(payload),
    headSha: payload.merge_group.head_sha,
    baseSha: payload.merge_group.base_sha,
    event: "merge_group",
  };
}

/**
 * Re-run requests name a head SHA. Check suites from forks carry no pull requests, so the open pull
 * requests are searched for that head; the pull request is re-read so the base is current.
 */
export async function rerunTargets(
  octokit: GitHubOctokit,
  payload: RepositoryPayload,
  headSha: string,
  pullNumbers: readonly number[],
  event: string,
): Promise<ReviewTarget[]> {
  const repository = repositoryOf(payload);
  const numbers =
    pullNumbers.length > 0 ? pullNumbers : await openPullsWithHead(octokit, repository, headSha);
  const targets: ReviewTarget[] = [];
  for (const pullNumber of numbers) {
    const { data } = await octokit.rest.pulls.get({
      owner: repository.owner,
      repo: repository.repo,
      pull_number: pullNumber,
    });
    if (data.head.sha === headSha)
      targets.push(pullRequestTarget({ ...payload, pull_request: data }, event));
  }
  return targets;
}

async function openPullsWithHead(
  octokit: GitHubOctokit,
  repository: { owner: string; repo: string },
  headSha: string,
): Promise<number[]> {
  const pulls = await octokit.paginate(octokit.rest.pulls.list, {
    ...repository,
    state: "open",
    per_page: 100,
  });
  return pulls.filter((pull) => pull.head.sha === headSha).map((pull) => pull.number);
}
