import { runGit } from "./run-git.js";

/** A file that moved: repository-relative paths at the first commit and at the second. */
export interface RenamedPath {
  readonly from: string;
  readonly to: string;
}

/**
 * Files git's rename detection sees moved from one commit to the other (`--find-renames`, its
 * default 50% similarity), so a moved module can be told from a deleted one and a new one.
 */
export async function renamedPaths(
  repoDir: string,
  from: string,
  to: string,
): Promise<RenamedPath[]> {
  const output = await runGit(repoDir, [
    "diff",
    "--no-ext-diff",
    "--find-renames",
    "--diff-filter=R",
    "--name-status",
    "-z",
    "--end-of-options",
    from,
    to,
    "--",
  ]);
  // -z: `R<score>\0<old>\0<new>\0` per rename.
  const fields = output.split("\0");
  const renames: RenamedPath[] = [];
  for (let index = 0; index + 2 < fields.length; index += 3) {
    const [status, old, moved] = [fields[index], fields[index + 1], fields[index + 2]];
    if (status?.startsWith("R") && old && moved) renames.push({ from: old, to: moved });
  }
  return renames;
}
