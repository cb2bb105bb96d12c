import type { GitHubOctokit } from "./github-octokit.js";
import type { ReviewTarget } from "./review-target.js";

/** A re-run request: the repository and head SHA, without a base or a pull request yet. */
export type RerunRequest = Omit<ReviewTarget, "baseSha" | "pullNumber">;

/**
 * Re-run requests name a head SHA. Check suites from forks carry no pull requests, so the open pull
 * requests are searched for that head; the pull request is re-read so the base is current. Reads
 * only: reads are never queued behind an installation's writes.
 */
export async function rerunTargets(
  octokit: GitHubOctokit,
  request: RerunRequest,
  pullNumbers: readonly number[],
): Promise<ReviewTarget[]> {
  const numbers = pullNumbers.length > 0 ? pullNumbers : await openPullsWithHead(octokit, request);
  const targets: ReviewTarget[] = [];
  for (const pullNumber of numbers) {
    const { data } = await octokit.rest.pulls.get({
      owner: request.owner,
      repo: request.repo,
      pull_number: pullNumber,
    });
    if (data.head.sha === request.headSha)
      targets.push({ ...request, pullNumber, baseSha: data.base.sha });
  }
  return targets;
}

async function openPullsWithHead(octokit: GitHubOctokit, request: RerunRequest): Promise<number[]> {
  const pulls = await octokit.paginate(octokit.rest.pulls.list, {
    owner: request.owner,
    repo: request.repo,
    state: "open",
    per_page: 100,
  });
  return pulls.filter((pull) => pull.head.sha === request.headSha).map((pull) => pull.number);
}
