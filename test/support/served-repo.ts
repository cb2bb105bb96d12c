import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { initRepo } from "../../src/workspace/scratch-repo.js";
import { safeGit } from "../../src/workspace/safe-git.js";

/** A repository as a test server publishes it: a work repo to commit in, a bare repo to serve. */
export interface ServedRepo {
  readonly fullName: string;
  /** Commit here with `commitFiles`. */
  readonly workDir: string;
  /** What `git http-backend` serves: `<root>/<owner>/<name>.git`. */
  readonly bareDir: string;
  /** The clone URL's path, e.g. `/owner/name.git`: append it to the server's url. */
  readonly urlPath: string;
}

/**
 * Creates an empty work repository and its bare counterpart under `root`. The bare one may be asked
 * for any SHA, as GitHub allows for reachable ones, and accepts partial-clone filters.
 */
export async function createServedRepo(root: string, fullName: string): Promise<ServedRepo> {
  const urlPath = `/${fullName}.git`;
  const repo = {
    fullName,
    workDir: join(root, ".work", fullName),
    bareDir: join(root, `${fullName}.git`),
    urlPath,
  };
  await initRepo(repo.workDir);
  await mkdir(repo.bareDir, { recursive: true });
  const bare = safeGit(repo.bareDir);
  await bare.raw(["init", "--bare", "--quiet", "--initial-branch=main"]);
  await bare.raw(["config", "uploadpack.allowAnySHA1InWant", "true"]);
  await bare.raw(["config", "uploadpack.allowFilter", "true"]);
  return repo;
}

/**
 * Points refs of the bare repository at commits of the work repository, forcing, as a push or a
 * force-push does: `{ "refs/heads/main": sha, "refs/pull/1/head": sha }`. `refs/pull/N/head` is
 * how GitHub exposes every pull request's head, forks included.
 */
export async function pushRefs(
  repo: ServedRepo,
  refs: Readonly<Record<string, string>>,
): Promise<void> {
  const refspecs = Object.entries(refs).map(([ref, sha]) => `+${sha}:${ref}`);
  await safeGit(repo.workDir).raw(["push", "--quiet", "--no-verify", repo.bareDir, ...refspecs]);
}

/** Drops commits no ref reaches any more, as a server eventually does after a force-push. */
export async function pruneUnreachable(repo: ServedRepo): Promise<void> {
  const bare = safeGit(repo.bareDir);
  await bare.raw(["reflog", "expire", "--expire=now", "--all"]);
  await bare.raw(["gc", "--quiet", "--prune=now"]);
}
