import { safeGit } from "./safe-git.js";

/** Paths added, modified or deleted between two commits (renames count as a delete and an add). */
export async function changedPaths(repoDir: string, from: string, to: string): Promise<string[]> {
  const output = await safeGit(repoDir).raw([
    "diff",
    "--name-only",
    "-z",
    "--no-renames",
    from,
    to,
    "--",
  ]);
  return output.split("\0").filter((path) => path.length > 0);
}
