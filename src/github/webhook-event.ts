import { z } from "zod";
import { checkRunName } from "../publish/publishing-octokit.js";
import type { ReviewTarget } from "./review-target.js";

/** A correctly signed delivery whose payload lacks what its event promises: answered 400. */
export class MalformedEvent extends Error {
  constructor(event: string, problem: string) {
    super(`${event}: ${problem}`);
    this.name = "MalformedEvent";
  }
}

/** What a delivery asks archdrift to do. */
export type EventWork =
  | { readonly kind: "review"; readonly targets: readonly ReviewTarget[] }
  /** A re-run names a head SHA; which pull requests carry it is read from GitHub in the job. */
  | {
      readonly kind: "rerun";
      readonly target: Omit<ReviewTarget, "baseSha" | "pullNumber">;
      readonly pullNumbers: readonly number[];
    }
  | { readonly kind: "ignored"; readonly why: string };

const sha = z.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, "not a commit SHA");
const where = z.object({
  installation: z.object({ id: z.number().int().positive() }),
  repository: z.object({
    name: z.string().min(1),
    clone_url: z.string().min(1),
    owner: z.object({ login: z.string().min(1) }),
  }),
});
const pullRequestEvent = where.extend({
  pull_request: z.object({
    number: z.number().int().positive(),
    head: z.object({ sha }),
    base: z.object({ sha }),
  }),
});
const mergeGroupEvent = where.extend({ merge_group: z.object({ head_sha: sha, base_sha: sha }) });
const pullNumbers = z.array(z.object({ number: z.number().int().positive() }));
const checkRunEvent = where.extend({
  check_run: z.object({ name: z.string(), head_sha: sha, pull_requests: pullNumbers }),
});
const checkSuiteEvent = where.extend({
  check_suite: z.object({ head_sha: sha, pull_requests: pullNumbers }),
});
const reviewedPullActions = new Set(["opened", "synchronize", "reopened"]);

/**
 * Reads a delivery's payload into the work it asks for. Events and actions archdrift does not act
 * on are ignored whatever their payload; one it acts on must carry what GitHub always sends.
 */
export function workOf(event: string, payload: unknown): EventWork {
  const action = actionOf(payload);
  const name = `${event}.${action}`;
  if (event === "pull_request" && reviewedPullActions.has(action)) {
    const data = parsed(pullRequestEvent, payload, name);
    const pull = data.pull_request;
    const target = {
      ...repositoryOf(data),
      pullNumber: pull.number,
      headSha: pull.head.sha,
      baseSha: pull.base.sha,
      // One trigger for opened, synchronize and reopened: the same head SHA joins one review.
      event: "pull_request",
    };
    return { kind: "review", targets: [target] };
  }
  if (name === "merge_group.checks_requested") {
    const data = parsed(mergeGroupEvent, payload, name);
    const group = data.merge_group;
    const target = {
      ...repositoryOf(data),
      headSha: group.head_sha,
      baseSha: group.base_sha,
      event: "merge_group",
    };
    return { kind: "review", targets: [target] };
  }
  if (name === "check_run.rerequested") {
    const data = parsed(checkRunEvent, payload, name);
    if (data.check_run.name !== checkRunName)
      return { kind: "ignored", why: "another app's check run" };
    return rerun(data, data.check_run, "check_run");
  }
  if (name === "check_suite.rerequested") {
    const data = parsed(checkSuiteEvent, payload, name);
    return rerun(data, data.check_suite, "check_suite");
  }
  return { kind: "ignored", why: "event not reviewed" };
}

function rerun(
  data: z.infer<typeof where>,
  run: { head_sha: string; pull_requests: { number: number }[] },
  event: string,
): EventWork {
  return {
    kind: "rerun",
    target: { ...repositoryOf(data), headSha: run.head_sha, event },
    pullNumbers: run.pull_requests.map((pull) => pull.number),
  };
}

function actionOf(payload: unknown): string {
  if (typeof payload !== "object" || payload === null || !("action" in payload)) return "";
  return typeof payload.action === "string" ? payload.action : "";
}

function parsed<T>(schema: z.ZodType<T>, payload: unknown, name: string): T {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = issue?.path.join(".") || "payload";
  throw new MalformedEvent(name, `${at}: ${issue?.message ?? "invalid"}`);
}

function repositoryOf(data: z.infer<typeof where>) {
  return {
    installationId: data.installation.id,
    owner: data.repository.owner.login,
    repo: data.repository.name,
    cloneUrl: data.repository.clone_url,
  };
}
