import { stat } from "node:fs/promises";
import { GitCommandError, runGit } from "./run-git.js";

/**
 * Checks that `dir` is a folder git can read as a repository (a work tree, a bare repository or a
 * folder inside one), before any other git command runs there: simple-git refuses a missing
 * folder with a stack trace, and git's own refusal would read as "HEAD is not a commit".
 */
export async function checkRepository(dir: string): Promise<void> {
  const kind = await stat(dir).then(
    (stats) => (stats.isDirectory() ? "folder" : "not a folder"),
    (error: NodeJS.ErrnoException) => error.code ?? "unreadable",
  );
  if (kind === "ENOENT" || kind === "ENOTDIR") throw new NotARepositoryError(dir, "does not exist");
  if (kind === "not a folder") throw new NotARepositoryError(dir, "is a file, not a folder");
  if (kind !== "folder") throw new NotARepositoryError(dir, `cannot be read (${kind})`);
  await runGit(dir, ["rev-parse", "--git-dir"]).catch((error: unknown) => {
    throw new NotARepositoryError(dir, reasonOf(error));
  });
}

/** git's first line, unless it is the usual "not a git repository (or any of the parent…)". */
function reasonOf(error: unknown): string {
  const said = error instanceof GitCommandError ? error.stderr : "";
  const first =
    said
      .split("\n")[0]
      ?.replace(/^fatal: /, "")
      .trim() ?? "";
  if (first === "" || first.startsWith("not a git repository")) return "is not a git repository";
  return `is not a repository git can read: ${first}`;
}

/** A folder named by the user that archdrift cannot review: said in one line, never a stack trace. */
export class NotARepositoryError extends Error {
  constructor(
    readonly dir: string,
    readonly reason: string,
  ) {
    super(`${dir} ${reason}`);
    this.name = "NotARepositoryError";
  }
}
