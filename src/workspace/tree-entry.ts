import { safeGit } from "./safe-git.js";

export interface TreeEntry {
  readonly path: string;
  readonly sha: string;
  readonly size: number;
}

const regularFileModes = new Set(["100644", "100755"]);

/**
 * Regular files of a commit, read from git's object database, never from a checkout. Symlinks
 * (120000) and submodules (160000) are left out: their content is a pointer out of the repository.
 */
export async function listTree(repoDir: string, commit: string): Promise<TreeEntry[]> {
  const output = await safeGit(repoDir).raw([
    "ls-tree",
    "-r",
    "-z",
    "--long",
    "--full-tree",
    commit,
  ]);
  return output
    .split("\0")
    .filter((record) => record.length > 0)
    .flatMap((record) => parseRecord(record));
}

function parseRecord(record: string): TreeEntry[] {
  const tab = record.indexOf("\t");
  const [mode, type, sha, size] = record.slice(0, tab).trim().split(/\s+/);
  if (type !== "blob" || !mode || !regularFileModes.has(mode) || !sha) return [];
  return [{ path: record.slice(tab + 1), sha, size: Number(size) }];
}
