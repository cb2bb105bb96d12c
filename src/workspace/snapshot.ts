import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { readBlobs } from "./read-blobs.js";
import { listTree, type TreeEntry } from "./tree-entry.js";

/** The files of one commit, read by blob SHA: nothing is checked out, so nothing in it can run. */
export interface Snapshot {
  readonly sha: string;
  readonly files: readonly TreeEntry[];
  /** UTF-8 texts of the given paths; paths not in the commit are absent from the result. */
  readText(paths: readonly string[]): Promise<Map<string, string>>;
  /** Writes the given paths under `dir`, for tools that insist on reading a file system. */
  materialize(paths: readonly string[], dir: string): Promise<void>;
}

export async function openSnapshot(repoDir: string, sha: string): Promise<Snapshot> {
  const files = await listTree(repoDir, sha);
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
    async readText(paths) {
      const contents = await read(paths);
      return new Map([...contents].map(([path, buffer]) => [path, buffer.toString("utf8")]));
    },
    async materialize(paths, dir) {
      for (const [path, buffer] of await read(paths)) {
        const target = join(dir, path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, buffer);
      }
    },
  };
}

/** A commit with no files, to judge a whole tree as new (`archdrift audit`). */
export const emptySnapshot: Snapshot = {
  sha: "0000000000000000000000000000000000000000",
  files: [],
  readText: async () => new Map(),
  materialize: async () => undefined,
};
