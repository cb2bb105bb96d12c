import { dirname, join, resolve } from "node:path";
import { CommitNotFoundError } from "./commit-not-found-error.js";
import { diskFullOr } from "./disk-full-error.js";
import { ensureBareRepo } from "./ensure-bare-repo.js";
import { gitAuthConfig } from "./git-auth-config.js";
import { runExclusive } from "./run-exclusive.js";
import { LimitExceededError } from "./limit-exceeded-error.js";
import { isMissingOnServer } from "./fetch-failures.js";
import { fetchRefspecs, type Git } from "./fetch-refspecs.js";
import { GitCommandError, runGit } from "./run-git.js";
import { scrubError } from "./scrub-secrets.js";
import {
  InvalidFetchInputError,
  validateFetchInput,
  type FetchInput,
} from "./validate-fetch-input.js";
import { removeIncomingPacks, watchIncomingPacks } from "./incoming-packs.js";
import { defaultWorkspaceLimits } from "./workspace-limits.js";

export interface FetchPullRequestOptions {
  /** Where the bare mirrors live, one folder per repository (`owner+name`). */
  readonly mirrorsDir: string;
  /** `owner/name`: names the mirror's folder, nothing else. */
  readonly repoFullName: string;
  /** The repository's https clone URL from the webhook payload (GitHub or GHE). */
  readonly cloneUrl: string;
  /** An installation token; it travels in git's environment only. */
  readonly token: string;
  /** Absent for a merge group, whose head lives on a queue branch: commits are fetched by SHA. */
  readonly pullNumber?: number | undefined;
  readonly baseSha: string;
  readonly headSha: string;
  /** Kills git when aborted; pass `AbortSignal.timeout(ms)` to bound a fetch. */
  readonly signal?: AbortSignal | undefined;
  /** Bytes of packs one call may bring in; past them git is stopped with `LimitExceededError`. */
  readonly maxFetchBytes?: number | undefined;
  /** Tests only: lets `cloneUrl` be a `file:` URL. */
  readonly allowFileProtocol?: boolean | undefined;
}

export interface FetchedPullRequest {
  /** A bare repository holding both commits; read it with `openSnapshot`. */
  readonly repoDir: string;
}

/**
 * Brings a pull request's base and head commits into a bare mirror of its repository, fetching
 * only what the mirror lacks. Nothing is checked out and only SHAs, a numbered ref and a vetted URL
 * reach git's command line: nothing from the payload can act as an option.
 */
export async function fetchPullRequest(
  options: FetchPullRequestOptions,
): Promise<FetchedPullRequest> {
  const input = validateFetchInput(options);
  if (options.token.length === 0) throw new InvalidFetchInputError("the token is empty");
  const repoDir = join(resolve(options.mirrorsDir), input.folder);
  const auth = gitAuthConfig(input.remoteUrl, options.token);
  const sizeGuard = new AbortController();
  const signal = options.signal
    ? AbortSignal.any([options.signal, sizeGuard.signal])
    : sizeGuard.signal;
  const git: Git = (args) =>
    runGit(repoDir, args, {
      // Every fetch keeps its pack (no unpacking into loose objects), so the size bound has packs
      // to measure; no gc inside a fetch, whose repacking would count as fetched (see `tidyMirror`).
      extraConfig: { ...auth.config, "fetch.unpackLimit": "1", "gc.auto": "0" },
      // GIT_DIR pins the mirror: git must never walk up into a repository around it.
      env: {
        GIT_DIR: repoDir,
        GIT_ALLOW_PROTOCOL: options.allowFileProtocol === true ? "https:http:file" : "https:http",
      },
      signal,
      secrets: auth.secrets,
    });
  const bound: SizeBound = {
    maxBytes: options.maxFetchBytes ?? defaultWorkspaceLimits.maxFetchBytes,
    guard: sizeGuard,
    source: input.remoteUrl.origin + input.remoteUrl.pathname,
  };
  try {
    await runExclusive(repoDir, async () => {
      await updateWithin(bound, repoDir, input, git);
      await tidyMirror(repoDir, options.signal);
    });
  } catch (error) {
    throw scrubError(error, auth.secrets);
  }
  return { repoDir };
}

/**
 * The gc a fetch would have run (packs pile up, one a fetch), outside the size bound. In the
 * foreground: a detached gc would outlive both the mirror's lock and an abort.
 */
async function tidyMirror(repoDir: string, signal: AbortSignal | undefined): Promise<void> {
  await runGit(repoDir, ["gc", "--auto", "--quiet"], {
    extraConfig: { "gc.autoDetach": "false" },
    env: { GIT_DIR: repoDir },
    signal,
  });
}

interface SizeBound {
  readonly maxBytes: number;
  /** Aborted (stopping git) with the `LimitExceededError` once the bound is passed. */
  readonly guard: AbortController;
  /** The repository's URL, for the message. */
  readonly source: string;
}

/** `updateMirror` under the size bound; whatever a failed fetch half-wrote is removed. */
async function updateWithin(
  bound: SizeBound,
  repoDir: string,
  input: FetchInput,
  git: Git,
): Promise<void> {
  const tooLarge = (bytes: number) =>
    new LimitExceededError("maxFetchBytes", bytes, bound.maxBytes, bound.source);
  const watch = await watchIncomingPacks(repoDir, bound.maxBytes, (bytes) =>
    bound.guard.abort(tooLarge(bytes)),
  );
  try {
    await updateMirror(repoDir, input, git);
    const bytes = await watch.bytes();
    if (bytes > bound.maxBytes) throw tooLarge(bytes);
  } catch (error) {
    // Measured before the half-written packs are removed: that frees the very space that ran out.
    const explained =
      error instanceof GitCommandError ? await diskFullOr(error, dirname(repoDir)) : error;
    await removeIncomingPacks(repoDir);
    throw explained;
  } finally {
    watch.stop();
  }
}

async function updateMirror(repoDir: string, input: FetchInput, git: Git): Promise<void> {
  await ensureBareRepo(repoDir);
  if ((await hasCommit(git, input.baseSha)) && (await hasCommit(git, input.headSha))) return;
  await fetchPullAndBase(git, input);
  // refs/pull/N/head moves on every push: the head a webhook named may be older than it.
  if (!(await hasCommit(git, input.headSha))) await fetchCommit(git, input, "head");
}

async function hasCommit(git: Git, sha: string): Promise<boolean> {
  try {
    await git(["cat-file", "-e", `${sha}^{commit}`]);
    return true;
  } catch (error) {
    if (error instanceof GitCommandError) return false;
    throw error;
  }
}

/** One round trip in the usual case; commit by commit only to learn which one the server lacks. */
async function fetchPullAndBase(git: Git, input: FetchInput): Promise<void> {
  if (input.pullNumber === undefined) {
    await fetchCommit(git, input, "base");
    await fetchCommit(git, input, "head");
    return;
  }
  const pullRef = `+refs/pull/${input.pullNumber}/head:${localRef(input, "head")}`;
  try {
    await fetchRefspecs(git, input.remoteUrl, [pullRef, commitRefspec(input, "base")]);
  } catch (error) {
    if (!isMissingOnServer(error)) throw error;
    await fetchRefspecs(git, input.remoteUrl, [pullRef]).catch((inner: unknown) => {
      if (!isMissingOnServer(inner)) throw inner;
    });
    await fetchCommit(git, input, "base");
  }
}

async function fetchCommit(git: Git, input: FetchInput, role: "base" | "head"): Promise<void> {
  const sha = role === "base" ? input.baseSha : input.headSha;
  try {
    await fetchRefspecs(git, input.remoteUrl, [commitRefspec(input, role)]);
  } catch (error) {
    if (isMissingOnServer(error)) throw new CommitNotFoundError(sha, role, input.pullNumber);
    throw error;
  }
  if (!(await hasCommit(git, sha))) throw new CommitNotFoundError(sha, role, input.pullNumber);
}

/** Fetched commits get refs of our own so gc keeps them and later fetches negotiate from them. */
function localRef(input: FetchInput, role: "base" | "head"): string {
  const subject =
    input.pullNumber === undefined ? `commit/${input.headSha}` : `pull/${input.pullNumber}`;
  return `refs/archdrift/${subject}/${role}`;
}

function commitRefspec(input: FetchInput, role: "base" | "head"): string {
  return `+${role === "base" ? input.baseSha : input.headSha}:${localRef(input, role)}`;
}
