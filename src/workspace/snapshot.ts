import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { LimitExceededError } from "./limit-exceeded-error.js";
import { readBlobs } from "./read-blobs.js";
import { listTree, type TreeEntry } from "./tree-entry.js";
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
   * Files left out of `files` by a limit (too large to read). Optional so that hand-made snapshots
   * stay valid; `openSnapshot` always sets it.
   */
  readonly skipped?: readonly SkippedFile[];
  /** UTF-8 texts of the given paths; paths not in the commit are absent from the result. */
  readText(paths: readonly string[]): Promise<Map<string, string>>;
  /** Writes the given paths under `dir`, for tools that insist on reading a file system. */
  materialize(paths: readonly string[], dir: string): Promise<void>;
}

const writeBatch = 64;

/**
 * Lists a commit's regular files and checks them against `limits` before anything is read: sizes
 * come from the tree listing, so a hostile commit costs a listing, never its contents. Throws
 * `LimitExceededError` for too many files or too many bytes in all.
 */
export async function openSnapshot(
  repoDir: string,
  sha: string,
  limits: WorkspaceLimits = defaultWorkspaceLimits,
): Promise<Snapshot> {
  const listed = await listTree(repoDir, sha);
  const { files, skipped } = applyLimits(listed, limits, sha);
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
    skipped,
    async readText(paths) {
      const contents = await read(paths);
      return new Map([...contents].map(([path, buffer]) => [path, buffer.toString("utf8")]));
    },
    async materialize(paths, dir) {
      const contents = [...(await read(paths))];
      const folders = new Set(contents.map(([path]) => dirname(join(dir, path))));
      // Folders first, then files in parallel batches: one write at a time left the disk idle.
      for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
      for (let start = 0; start < contents.length; start += writeBatch) {
        const batch = contents.slice(start, start + writeBatch);
        await Promise.all(batch.map(([path, buffer]) => writeFile(join(dir, path), buffer)));
      }
    },
  };
}

function applyLimits(
  listed: readonly TreeEntry[],
  limits: WorkspaceLimits,
  sha: string,
): { files: TreeEntry[]; skipped: SkippedFile[] } {
  if (listed.length > limits.maxFiles)
    throw new LimitExceededError("maxFiles", listed.length, limits.maxFiles, sha);
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
