import { setTimeout as sleep } from "node:timers/promises";
import { checkRunName } from "../publish/publishing-octokit.js";
import type { GitHubOctokit } from "./github-octokit.js";
import type { ReviewTarget } from "./review-target.js";

/** Waits before the second, third and fourth try at creating a check run, as Octokit's own retry. */
const createRetryDelaysMs = [1_000, 4_000, 9_000];

/**
 * Created the moment the event arrives, so a required check shows up at once. Creation is not
 * idempotent: a POST whose answer was lost may still have made the run, and Octokit's retry would
 * make a second one. So archdrift retries itself, first looking for a run carrying the job's
 * `externalId`, and makes at most one.
 */
export async function createQueuedCheckRun(
  octokit: GitHubOctokit,
  target: ReviewTarget,
  externalId: string,
  /** A job resumed after a restart: its creation may have completed after the process recorded it. */
  lookFirst = false,
): Promise<number> {
  const made = lookFirst ? await findCheckRun(octokit, target, externalId) : undefined;
  if (made !== undefined) return made;
  for (let failures = 0; ; failures++) {
    try {
      return await postCheckRun(octokit, target, externalId);
    } catch (error) {
      const wait = createRetryDelaysMs[failures];
      if (wait === undefined || !mayHaveBeenLost(error)) throw error;
      await sleep(wait);
      const made = await findCheckRun(octokit, target, externalId).catch(() => undefined);
      if (made !== undefined) return made;
    }
  }
}

async function postCheckRun(
  octokit: GitHubOctokit,
  target: ReviewTarget,
  externalId: string,
): Promise<number> {
  const { data } = await octokit.rest.checks.create({
    owner: target.owner,
    repo: target.repo,
    name: checkRunName,
    head_sha: target.headSha,
    status: "queued",
    external_id: externalId,
    // Retried above, where a lost answer can be told from a failure.
    request: { retries: 0 },
  });
  return data.id;
}

async function findCheckRun(
  octokit: GitHubOctokit,
  target: ReviewTarget,
  externalId: string,
): Promise<number | undefined> {
  const { data } = await octokit.rest.checks.listForRef({
    owner: target.owner,
    repo: target.repo,
    ref: target.headSha,
    check_name: checkRunName,
    filter: "all",
    per_page: 100,
  });
  return data.check_runs.find((run) => run.external_id === externalId)?.id;
}

/** A 5xx or no answer at all: GitHub may have made the run. A 4xx says it did not. */
function mayHaveBeenLost(error: unknown): boolean {
  const status = (error as { status?: unknown }).status;
  return typeof status !== "number" || status >= 500;
}

export async function markInProgress(
  octokit: GitHubOctokit,
  target: ReviewTarget,
  checkRunId: number,
): Promise<void> {
  await octokit.rest.checks.update({
    owner: target.owner,
    repo: target.repo,
    check_run_id: checkRunId,
    status: "in_progress",
    started_at: new Date().toISOString(),
  });
}
