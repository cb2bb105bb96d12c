import type { Context, Probot } from "probot";
import { InProcessQueue, type QueuedJob } from "../jobs/in-process-queue.js";
import { completeCheckRun, createQueuedCheckRun } from "./check-runs.js";
import { checkRunName, type GitHubOctokit } from "./github-octokit.js";
import { targetKey, type ReviewTarget } from "./review-target.js";
import { runReviewJob, type ReviewJob } from "./run-review-job.js";
import { mergeGroupTarget, pullRequestTarget, rerunTargets } from "./targets-from-events.js";

export interface ArchdriftAppOptions {
  /** Where bare mirrors of reviewed repositories are kept between reviews. */
  readonly mirrorsDir: string;
  /** Reviews running at once in this process. */
  readonly concurrency?: number;
}

export interface ArchdriftApp {
  readonly appFn: (app: Probot) => void;
  /** Resolves when every accepted review has finished: for tests and graceful shutdown. */
  drained(): Promise<void>;
}

/**
 * The Probot app: each event becomes a queued check run at once and a job for the queue; the
 * webhook is answered without waiting for the review (GitHub gives up after 10 seconds).
 */
export function createArchdriftApp(options: ArchdriftAppOptions): ArchdriftApp {
  let queue: InProcessQueue<ReviewJob> | undefined;
  const appFn = (app: Probot): void => {
    const jobs = new InProcessQueue<ReviewJob>(handlersFor(app, options), options.concurrency ?? 2);
    queue = jobs;
    const accept = (context: Context, targets: readonly ReviewTarget[]) =>
      acceptAll(jobs, context, targets);
    app.on(
      ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"],
      (context) => accept(context, [pullRequestTarget(context.payload, context.name)]),
    );
    app.on("merge_group.checks_requested", (context) =>
      accept(context, [mergeGroupTarget(context.payload)]),
    );
    app.on("check_run.rerequested", async (context) => {
      if (context.payload.check_run.name !== checkRunName) return;
      const run = context.payload.check_run;
      const numbers = run.pull_requests.map((pull) => pull.number);
      await accept(
        context,
        await rerunTargets(context.octokit, context.payload, run.head_sha, numbers, "check_run"),
      );
    });
    app.on("check_suite.rerequested", async (context) => {
      const suite = context.payload.check_suite;
      const numbers = suite.pull_requests.map((pull) => pull.number);
      await accept(
        context,
        await rerunTargets(
          context.octokit,
          context.payload,
          suite.head_sha,
          numbers,
          "check_suite",
        ),
      );
    });
  };
  return { appFn, drained: async () => queue?.drained() };
}

async function acceptAll(
  queue: InProcessQueue<ReviewJob>,
  context: Context,
  targets: readonly ReviewTarget[],
) {
  for (const target of targets) {
    const id = `${context.id}:${target.headSha}`;
    if (queue.hasSeen(id)) {
      context.log.info({ deliveryId: context.id }, "redelivered webhook ignored");
      continue;
    }
    const checkRunId = await createQueuedCheckRun(context.octokit as GitHubOctokit, target);
    await queue.add({
      key: targetKey(target),
      id,
      data: { target, checkRunId, deliveryId: context.id },
    });
    context.log.info(
      { deliveryId: context.id, key: targetKey(target), checkRunId },
      "review queued",
    );
  }
}

function handlersFor(app: Probot, options: ArchdriftAppOptions) {
  const octokitFor = async (job: QueuedJob<ReviewJob>) =>
    (await app.auth(job.data.target.installationId)) as GitHubOctokit;
  return {
    async run(job: QueuedJob<ReviewJob>, signal: AbortSignal) {
      const log = app.log.child({ deliveryId: job.data.deliveryId });
      await runReviewJob(job.data, {
        octokit: await octokitFor(job),
        mirrorsDir: options.mirrorsDir,
        log,
        signal,
      });
    },
    async superseded(job: QueuedJob<ReviewJob>) {
      await completeCheckRun(await octokitFor(job), job.data.target, job.data.checkRunId, {
        conclusion: "cancelled",
        title: "Superseded by a newer push",
        summary:
          "A newer commit was pushed to this pull request; archdrift reviews that one instead.",
      });
    },
    async failed(job: QueuedJob<ReviewJob>, error: unknown) {
      const reason = error instanceof Error ? error.message : String(error);
      app.log.error({ deliveryId: job.data.deliveryId, err: reason }, "review failed");
      await completeCheckRun(await octokitFor(job), job.data.target, job.data.checkRunId, {
        conclusion: "failure",
        title: "archdrift could not complete the review",
        summary: `The review stopped with an error, so this check cannot pass. Re-run it from the Checks tab; if it keeps failing, tell the archdrift operators.\n\n\`\`\`\n${reason.slice(0, 2000)}\n\`\`\``,
      });
    },
  };
}
