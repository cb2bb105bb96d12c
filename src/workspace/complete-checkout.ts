import { dirname, resolve } from "node:path";
import { CommitNotFoundError } from "./commit-not-found-error.js";
import { isMissingOnServer } from "./fetch-failures.js";
import { fetchRefspecs, type Git } from "./fetch-refspecs.js";
import { gitAuthConfig } from "./git-auth-config.js";
import { GitCommandError, runGit } from "./run-git.js";
import { scrubError } from "./scrub-secrets.js";
import { validateFetchInput, type FetchInput, type RawFetchInput } from "./validate-fetch-input.js";

/** The commits a review reads (`owner/name`, the payload's clone URL, SHAs), and where. */
export interface CheckoutToComplete extends RawFetchInput {
  /** A clone made by the workflow (actions/checkout), shallow or not. */
  readonly repoDir: string;
  /** The workflow's token; it travels in git's environment only. */
  readonly token: string;
  readonly signal?: AbortSignal | undefined;
}

/** What had to be fetched, for the log. */
export interface CompletedCheckout {
  readonly fetched: readonly string[];
}

/** History fetched with a missing commit in a shallow clone, then added round by round. */
const firstDepth = 50;
const deepenRounds = [100, 200, 400, 800, 1600];

/**
 * Makes a workflow's checkout hold what a review reads: the base and head commits and, in a shallow
 * clone (actions/checkout fetches one commit by default), enough history for git to find where the
 * head branched off the base. Without it `merge-base` finds nothing and the base's own later changes
 * would be judged as the pull request's. Fetches only what is missing, by SHA, deepening a shallow
 * clone step by step before giving up its shallowness altogether.
 */
export async function completeCheckout(options: CheckoutToComplete): Promise<CompletedCheckout> {
  const input = validateFetchInput(options);
  const auth = gitAuthConfig(input.remoteUrl, options.token);
  const repoDir = resolve(options.repoDir);
  const git: Git = (args) =>
    runGit(repoDir, args, {
      extraConfig: { ...auth.config, "gc.auto": "0" },
      env: {
        // Never a repository around the workspace: it must be the checkout itself.
        GIT_CEILING_DIRECTORIES: dirname(repoDir),
        GIT_ALLOW_PROTOCOL: options.allowFileProtocol === true ? "https:http:file" : "https:http",
      },
      signal: options.signal,
      secrets: auth.secrets,
    });
  try {
    return await complete(git, input);
  } catch (error) {
    throw scrubError(error, auth.secrets);
  }
}

async function complete(git: Git, input: FetchInput): Promise<CompletedCheckout> {
  await ensureRepository(git);
  const fetched: string[] = [];
  const shallow = await isShallow(git);
  const missing: ("base" | "head")[] = [];
  for (const role of ["base", "head"] as const) {
    if (!(await hasCommit(git, shaOf(input, role)))) missing.push(role);
  }
  if (missing.length > 0) {
    await fetchCommits(git, input, missing, shallow ? [`--depth=${firstDepth}`] : []);
    fetched.push(...missing.map((role) => `${role} ${shaOf(input, role).slice(0, 12)}`));
  }
  if (!shallow) return { fetched };
  const both = [input.baseSha, input.headSha];
  for (const commits of deepenRounds) {
    // A clone deepened down to its roots is complete: with no merge base even then, the histories
    // are unrelated, which the review says; `--unshallow` would fail on it.
    if ((await hasMergeBase(git, input)) || !(await isShallow(git))) return { fetched };
    await fetchRefspecs(git, input.remoteUrl, both, [`--deepen=${commits}`]);
    fetched.push(`${commits} more commits of history`);
  }
  if ((await hasMergeBase(git, input)) || !(await isShallow(git))) return { fetched };
  await fetchRefspecs(git, input.remoteUrl, both, ["--unshallow"]);
  fetched.push("the whole history");
  return { fetched };
}

async function isShallow(git: Git): Promise<boolean> {
  return (await git(["rev-parse", "--is-shallow-repository"])).trim() === "true";
}

async function ensureRepository(git: Git): Promise<void> {
  try {
    await git(["rev-parse", "--git-dir"]);
  } catch (error) {
    if (error instanceof GitCommandError) throw new NoCheckoutError();
    throw error;
  }
}

function shaOf(input: FetchInput, role: "base" | "head"): string {
  return role === "base" ? input.baseSha : input.headSha;
}

async function hasCommit(git: Git, sha: string): Promise<boolean> {
  return git(["cat-file", "-e", `${sha}^{commit}`]).then(
    () => true,
    (error: unknown) => {
      if (error instanceof GitCommandError) return false;
      throw error;
    },
  );
}

async function hasMergeBase(git: Git, input: FetchInput): Promise<boolean> {
  return git(["merge-base", "--end-of-options", input.baseSha, input.headSha]).then(
    (out) => out.trim() !== "",
    (error: unknown) => {
      // Exit 1 with nothing said: no common ancestor in the history at hand.
      if (error instanceof GitCommandError && error.exitCode === 1) return false;
      throw error;
    },
  );
}

/** By SHA; a pull request's head, if the server will not hand it out so, through refs/pull/N/head. */
async function fetchCommits(
  git: Git,
  input: FetchInput,
  roles: readonly ("base" | "head")[],
  depth: readonly string[],
): Promise<void> {
  const fetchOne = (refspecs: string[]) => fetchRefspecs(git, input.remoteUrl, refspecs, depth);
  try {
    await fetchOne(roles.map((role) => shaOf(input, role)));
  } catch (error) {
    if (!isMissingOnServer(error)) throw error;
    for (const role of roles) {
      await fetchOne([shaOf(input, role)]).catch(async (inner: unknown) => {
        if (!isMissingOnServer(inner)) throw inner;
        if (role === "head" && input.pullNumber !== undefined)
          await fetchOne([`refs/pull/${input.pullNumber}/head`]).catch(() => undefined);
      });
    }
  }
  for (const role of roles) {
    const sha = shaOf(input, role);
    if (!(await hasCommit(git, sha))) throw new CommitNotFoundError(sha, role, input.pullNumber);
  }
}

/** The workspace holds no git repository: the workflow has no checkout step before archdrift. */
export class NoCheckoutError extends Error {
  constructor() {
    super("the workspace is not a git checkout");
    this.name = "NoCheckoutError";
  }
}
