import { GitCommandError, runGit } from "./run-git.js";
import { WrongRefsError, type NamedCommit } from "./wrong-refs-error.js";

/**
 * Where the head branched off the base: the commit a pull request is diffed against, as GitHub
 * does. Throws `WrongRefsError` rather than fall back on another commit when there is none, or
 * when the head is already part of the base. A head equal to the base is no change, not an error.
 */
export async function forkPoint(
  repoDir: string,
  base: NamedCommit,
  head: NamedCommit,
): Promise<string> {
  const found = await mergeBaseOf(repoDir, base.sha, head.sha);
  if (found === undefined) {
    const problem = (await isShallow(repoDir)) ? "shallow" : "unrelated";
    throw new WrongRefsError(problem, base, head);
  }
  if (found === head.sha && head.sha !== base.sha)
    throw new WrongRefsError("head-behind-base", base, head);
  return found;
}

/** The best common ancestor of two commits, or undefined when the history at hand has none. */
export async function mergeBaseOf(
  repoDir: string,
  base: string,
  head: string,
): Promise<string | undefined> {
  try {
    const sha = (await runGit(repoDir, ["merge-base", "--end-of-options", base, head])).trim();
    return sha === "" ? undefined : sha;
  } catch (error) {
    // Exit 1 with nothing said: no common ancestor.
    if (error instanceof GitCommandError && error.exitCode === 1 && error.stderr === "")
      return undefined;
    throw error;
  }
}

async function isShallow(repoDir: string): Promise<boolean> {
  return (await runGit(repoDir, ["rev-parse", "--is-shallow-repository"])).trim() === "true";
}
