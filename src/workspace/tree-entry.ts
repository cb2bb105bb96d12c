import { safeGit } from "./safe-git.js";

export interface TreeEntry {
  readonly path: string;
  readonly sha: string;
  readonly size: number;
}

export interface TreeListing {
  /** Regular files (modes 100644 and 100755), the only entries archdrift reads. */
  readonly files: TreeEntry[];
  /**
   * What each other entry is ("a symbolic link", "a submodule"): never read, their content points
   * out of the repository; kept by path so a file that must be read can be reported, not taken as
   * absent.
   */
  readonly others: Map<string, string>;
}

const regularFileModes = new Set(["100644", "100755"]);

/** The entries of a commit, read from git's object database, never from a checkout. */
export async function listTree(repoDir: string, commit: string): Promise<TreeListing> {
  const output = await safeGit(repoDir).raw([
    "ls-tree",
    "-r",
    "-z",
    "--long",
    "--full-tree",
    commit,
  ]);
  const listing: TreeListing = { files: [], others: new Map() };
  for (const record of output.split("\0")) {
    if (record.length > 0) addRecord(listing, record);
  }
  return listing;
}

function addRecord(listing: TreeListing, record: string): void {
  const tab = record.indexOf("\t");
  const [mode, type, sha, size] = record.slice(0, tab).trim().split(/\s+/);
  const path = record.slice(tab + 1);
  if (type === "blob" && mode && regularFileModes.has(mode) && sha)
    listing.files.push({ path, sha, size: Number(size) });
  else listing.others.set(path, kindOf(mode, type));
}

function kindOf(mode: string | undefined, type: string | undefined): string {
  if (type === "commit") return "a submodule";
  if (mode === "120000") return "a symbolic link";
  return `an entry of mode ${mode ?? "unknown"}`;
}
