import { spawn } from "node:child_process";
import { safeGitEnv } from "./safe-git.js";

/**
 * Reads many blobs through one `git cat-file --batch` process. simple-git cannot feed a command's
 * standard input, and one process per file would cost seconds on a large repository.
 */
export async function readBlobs(
  repoDir: string,
  shas: readonly string[],
): Promise<Map<string, Buffer>> {
  const unique = [...new Set(shas)];
  const blobs = new Map<string, Buffer>();
  if (unique.length === 0) return blobs;
  const child = spawn("git", ["cat-file", "--batch"], {
    cwd: repoDir,
    env: safeGitEnv(),
    stdio: ["pipe", "pipe", "pipe"],
  });
  const parser = new BatchParser(unique, blobs);
  const done = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => parser.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 && parser.complete()
        ? resolve()
        : reject(
            new Error(
              `git cat-file stopped (exit ${code}) after ${blobs.size} of ${unique.length} blobs`,
            ),
          ),
    );
  });
  child.stdin.end(unique.join("\n") + "\n");
  await done;
  return blobs;
}

/** Splits the `<sha> <type> <size>\n<content>\n` stream back into blobs. */
class BatchParser {
  private buffer: Buffer = Buffer.alloc(0);
  private next = 0;

  constructor(
    private readonly expected: readonly string[],
    private readonly blobs: Map<string, Buffer>,
  ) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (this.takeOne()) this.next++;
  }

  complete(): boolean {
    return this.next === this.expected.length;
  }

  private takeOne(): boolean {
    const newline = this.buffer.indexOf(10);
    if (newline < 0) return false;
    const header = this.buffer.subarray(0, newline).toString("utf8").split(" ");
    if (header[1] === "missing") {
      this.buffer = this.buffer.subarray(newline + 1);
      return true;
    }
    const size = Number(header[2]);
    if (this.buffer.length < newline + 1 + size + 1) return false;
    this.blobs.set(header[0]!, this.buffer.subarray(newline + 1, newline + 1 + size));
    this.buffer = this.buffer.subarray(newline + 2 + size);
    return true;
  }
}
