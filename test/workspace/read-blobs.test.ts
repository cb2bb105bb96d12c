import { afterEach, describe, expect, it, vi } from "vitest";
import { readBlobs } from "../../src/workspace/read-blobs.js";
import { safeGit } from "../../src/workspace/safe-git.js";
import { commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { seededRandom } from "../support/seeded-random.js";
import { useTempDirs } from "./temp-dir.js";

const tempDir = useTempDirs();

afterEach(() => {
  vi.restoreAllMocks();
});

/** A text file of `bytes` bytes that git compresses well, so the repository is quick to make. */
function largeText(bytes: number): string {
  const line = "values = [1, 2, 3]  # a generated table of numbers, as large as asked\n";
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
}

/** Bytes JavaScript asks Buffer for while `work` runs: copies and joins show up here. */
async function bytesAllocatedBy<T>(work: () => Promise<T>): Promise<{ result: T; bytes: number }> {
  const spies = [
    vi.spyOn(Buffer, "alloc"),
    vi.spyOn(Buffer, "allocUnsafe"),
    vi.spyOn(Buffer, "allocUnsafeSlow"),
  ];
  const result = await work();
  const sizes = spies.flatMap((spy) => spy.mock.calls.map(([size]) => size));
  vi.restoreAllMocks();
  return { result, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}

async function blobOf(dir: string, path: string): Promise<string> {
  return (await safeGit(dir).revparse([`HEAD:${path}`])).trim();
}

describe("readBlobs", () => {
  /**
   * Shown failing before the fix: the stream was joined again with every 64 kB chunk, so the
   * 16 MB blob cost about 2 GB of copies (and 50 MB took 36 s).
   */
  it("reads a 16 MB blob with one buffer of its size, not a copy per chunk", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    const big = largeText(16 * 1024 * 1024);
    await commitFiles(dir, { "table.py": big }, "a large file");
    const sha = await blobOf(dir, "table.py");
    const { result, bytes } = await bytesAllocatedBy(() => readBlobs(dir, [sha]));
    expect(result.get(sha)?.toString("utf8") === big).toBe(true);
    expect(bytes).toBeLessThan(big.length + 1024 * 1024);
  });

  it("keeps every blob intact around chunk edges: empty, binary, large, missing", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    const random = seededRandom(11);
    const files: Record<string, string> = {
      "empty.py": "",
      "one.py": "x",
      "newlines.py": "\n\n\n",
      "large.py": largeText(300_000),
    };
    for (let index = 0; index < 200; index++) {
      files[`small/${index}.py`] = random.bytes(random.int(3000)).toString("binary");
    }
    await commitFiles(dir, files, "many sizes");
    const listing = await safeGit(dir).raw(["ls-tree", "-r", "-z", "HEAD"]);
    const blobOfPath = new Map(
      listing
        .split("\0")
        .filter(Boolean)
        .map((record) => [record.split("\t")[1]!, record.split(" ")[2]!.split("\t")[0]!]),
    );
    const missing = "0123456789abcdef0123456789abcdef01234567";
    const blobs = await readBlobs(dir, [...blobOfPath.values(), missing]);
    for (const [path, content] of Object.entries(files)) {
      const read = blobs.get(blobOfPath.get(path)!);
      expect(read?.equals(Buffer.from(content)), path).toBe(true);
    }
    expect(blobs.has(missing)).toBe(false);
  });
});
