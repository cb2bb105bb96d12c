import { constants } from "node:fs";
import { mkdir, open } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { LimitExceededError } from "./limit-exceeded-error.js";
import { readBlobs } from "./read-blobs.js";
import { listTree, type TreeEntry } from "./tree-entry.js";
import { checkTreePaths } from "./tree-paths.js";
import { defaultWorkspaceLimits, type WorkspaceLimits } from "./workspace-limits.js";

/** A file of the commit that archdrift leaves unread, and why, for the report to say so. */
export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

/** The files of one commit, read by blob SHA: nothing is checked out, so nothing in it can run. */
export interface Snapshot {
  readonly sha: string;
  readonly files: readonly TreeEntry[];
  /**
   * Files left out of `files`: too large to read, or refused for a path that is not safe to use
   * (`..`, `.git`, listed twice...). Optional so that hand-made snapshots stay valid;
   * `openSnapshot` always sets it.
   */
  readonly skipped?: readonly SkippedFile[];
  /**
   * Why `path` is not among `files` although the commit has something there ("a symbolic link",
   * "a folder", a skip reason), or `undefined` when it is a file or absent. Optional, like
   * `skipped`.
   */
  whyNotAFile?(path: string): string | undefined;
  /** UTF-8 texts of the given paths; paths not in the commit are absent from the result. */
  readText(paths: readonly string[]): Promise<Map<string, string>>;
  /** Writes the given paths under `dir`, for tools that insist on reading a file system. */
  materialize(paths: readonly string[], dir: string): Promise<void>;
}

const writeBatch = 64;

/**
 * Lists a commit's regular files and checks them against `limits` before anything is read: sizes
 * come from the tree listing, so a hostile commit costs a listing, never its contents. Every path is
 * checked before any use (`checkTreePaths`). Throws `LimitExceededError` for too many files or too
 * many bytes in all.
 */
export async function openSnapshot(
  repoDir: string,
  sha: string,
  limits: WorkspaceLimits = defaultWorkspaceLimits,
): Promise<Snapshot> {
  const listed = await listTree(repoDir, sha);
  if (listed.files.length > limits.maxFiles)
    throw new LimitExceededError("maxFiles", listed.files.length, limits.maxFiles, sha);
  const { safe, refused } = checkTreePaths(listed.files);
  const { files, skipped } = applyLimits(safe, limits, sha);
  const notFiles = new Map(listed.others);
  for (const { path, reason } of [...refused, ...skipped]) notFiles.set(path, reason);
  const byPath = new Map(files.map((entry) => [entry.path, entry]));
  const read = async (paths: readonly string[]): Promise<Map<string, Buffer>> => {
    const wanted = paths.flatMap((path) => byPath.get(path) ?? []);
    const blobs = await readBlobs(
      repoDir,
      wanted.map((entry) => entry.sha),
    );
    return new Map(wanted.map((entry) => [entry.path, blobs.get(entry.sha) ?? Buffer.alloc(0)]));
  };
  return {
    sha,
    files,
    skipped: [...refused, ...skipped],
    whyNotAFile(path) {
      const folder = `${path}/`;
      const holds = (other: string) => other.startsWith(folder);
      if (notFiles.has(path)) return notFiles.get(path);
      if (byPath.has(path)) return undefined;
      return listed.files.some((entry) => holds(entry.path)) || [...notFiles.keys()].some(holds)
        ? "a folder"
        : undefined;
    },
    async readText(paths) {
      const contents = await read(paths);
      return new Map([...contents].map(([path, buffer]) => [path, buffer.toString("utf8")]));
    },
    async materialize(paths, dir) {
      const contents = [...(await read(paths))].map(
        ([path, buffer]) => [inside(dir, path), buffer] as const,
      );
      const folders = new Set(contents.map(([target]) => dirname(target)));
      // Folders first, then files in parallel batches: one write at a time left the disk idle.
      for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
      for (let start = 0; start < contents.length; start += writeBatch) {
        const batch = contents.slice(start, start + writeBatch);
        await Promise.all(batch.map(([target, buffer]) => writeNewFile(target, buffer)));
      }
    },
  };
}

/**
 * Where a checked path goes under `dir`. Paths were checked when the tree was listed; this second
 * look keeps a write from ever landing outside `dir` should that check be bypassed.
 */
function inside(dir: string, path: string): string {
  const target = resolve(dir, path);
  const fromDir = relative(resolve(dir), target);
  if (fromDir === "" || fromDir === ".." || fromDir.startsWith(`..${sep}`) || isAbsolute(fromDir))
    throw new Error(`refusing to write ${JSON.stringify(path)} outside ${dir}`);
  return target;
}

/** Creates a file that must not exist yet, and never through a symlink. */
async function writeNewFile(target: string, content: Buffer): Promise<void> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  const handle = await open(target, flags, 0o644);
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
}

function applyLimits(
  listed: readonly TreeEntry[],
  limits: WorkspaceLimits,
  sha: string,
): { files: TreeEntry[]; skipped: SkippedFile[] } {
  const files: TreeEntry[] = [];
  const skipped: SkippedFile[] = [];
  let total = 0;
  for (const entry of listed) {
    // A size git could not report is treated as too large: unknown must not mean unbounded.
    if (!(entry.size <= limits.maxFileBytes)) {
      skipped.push({ path: entry.path, reason: tooLarge(entry.size, limits.maxFileBytes) });
      continue;
    }
    files.push(entry);
    total += entry.size;
  }
  if (total > limits.maxTotalBytes)
    throw new LimitExceededError("maxTotalBytes", total, limits.maxTotalBytes, sha);
  return { files, skipped };
}

function tooLarge(size: number, max: number): string {
  const bytes = (value: number) => `${value.toLocaleString("en-US")} bytes`;
  const actual = Number.isFinite(size) ? bytes(size) : "an unknown size";
  return `not read: ${actual}, above the ${bytes(max)} archdrift reads per file (ARCHDRIFT_MAX_FILE_BYTES)`;
}

/** A commit with no files, to judge a whole tree as new (`archdrift audit`). */
export const emptySnapshot: Snapshot = {
  sha: "0000000000000000000000000000000000000000",
  files: [],
  skipped: [],
  readText: async () => new Map(),
  materialize: async () => undefined,
};
