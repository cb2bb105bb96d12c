import { readFile } from "node:fs/promises";
import { z } from "zod";
import { InputError } from "./action-inputs.js";

/** What the workflow's event asks archdrift to review. */
export interface ReviewEvent {
  readonly kind: "review";
  readonly name: string;
  readonly owner: string;
  readonly repo: string;
  /** From the payload: GitHub.com or an Enterprise Server host. */
  readonly cloneUrl: string;
  readonly baseSha: string;
  /** The commit the verdict is about: the check run and the review comments go on it. */
  readonly headSha: string;
  /** Absent for merge groups and pushes: no review comments then. */
  readonly pullNumber?: number;
}

/** An event with nothing to compare: a branch's first push, or its deletion. */
export interface NothingToReview {
  readonly kind: "nothing";
  readonly name: string;
  readonly reason: string;
}

export type ActionEvent = ReviewEvent | NothingToReview;

export const reviewedEvents = ["pull_request", "pull_request_target", "merge_group", "push"];

const sha = z.string().regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/);
const repository = z.object({
  name: z.string(),
  clone_url: z.string(),
  owner: z.object({ login: z.string() }),
});
const pullRequestPayload = z.object({
  repository,
  pull_request: z.object({
    number: z.number().int().positive(),
    base: z.object({ sha }),
    head: z.object({ sha }),
  }),
});
const mergeGroupPayload = z.object({
  repository,
  merge_group: z.object({ base_sha: sha, head_sha: sha }),
});
const pushPayload = z.object({ repository, before: sha, after: sha });

const noCommit = /^0+$/;

/** The event that started the workflow, from GITHUB_EVENT_NAME and the payload at GITHUB_EVENT_PATH. */
export async function readEvent(env: NodeJS.ProcessEnv): Promise<ActionEvent> {
  const name = env["GITHUB_EVENT_NAME"] ?? "";
  if (!reviewedEvents.includes(name))
    throw new InputError(
      `archdrift reviews ${reviewedEvents.join(", ")} events; this workflow ran on ${JSON.stringify(name)}. Trigger it with \`on: [pull_request, merge_group]\`.`,
    );
  const payload = await readPayload(env["GITHUB_EVENT_PATH"]);
  if (name === "merge_group") return mergeGroupEvent(parse(mergeGroupPayload, payload, name));
  if (name === "push") return pushEvent(parse(pushPayload, payload, name));
  return pullRequestEvent(parse(pullRequestPayload, payload, name), name);
}

async function readPayload(path: string | undefined): Promise<unknown> {
  if (!path) throw new InputError("GITHUB_EVENT_PATH is not set: archdrift runs inside a workflow");
  try {
    return JSON.parse(await readFile(path, "utf8")) as unknown;
  } catch (error) {
    throw new InputError(
      `cannot read the event payload at GITHUB_EVENT_PATH: ${(error as Error).message}`,
    );
  }
}

function parse<T>(schema: z.ZodType<T>, payload: unknown, name: string): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
  throw new InputError(`the ${name} event's payload lacks what archdrift needs (${where})`);
}

function repositoryOf(payload: z.infer<typeof repository>) {
  return { owner: payload.owner.login, repo: payload.name, cloneUrl: payload.clone_url };
}

function pullRequestEvent(payload: z.infer<typeof pullRequestPayload>, name: string): ReviewEvent {
  return {
    kind: "review",
    name,
    ...repositoryOf(payload.repository),
    baseSha: payload.pull_request.base.sha,
    headSha: payload.pull_request.head.sha,
    pullNumber: payload.pull_request.number,
  };
}

function mergeGroupEvent(payload: z.infer<typeof mergeGroupPayload>): ReviewEvent {
  return {
    kind: "review",
    name: "merge_group",
    ...repositoryOf(payload.repository),
    baseSha: payload.merge_group.base_sha,
    headSha: payload.merge_group.head_sha,
  };
}

function pushEvent(payload: z.infer<typeof pushPayload>): ActionEvent {
  if (noCommit.test(payload.after))
    return { kind: "nothing", name: "push", reason: "the push deleted the branch" };
  if (noCommit.test(payload.before))
    return {
      kind: "nothing",
      name: "push",
      reason:
        "this is the branch's first push, so there is no earlier commit to compare with; archdrift reviews its pull request and its later pushes",
    };
  return {
    kind: "review",
    name: "push",
    ...repositoryOf(payload.repository),
    baseSha: payload.before,
    headSha: payload.after,
  };
}
