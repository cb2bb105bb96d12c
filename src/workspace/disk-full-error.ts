import { statfs } from "node:fs/promises";

/** Less than this free after a failed write means the disk is why it failed. */
const nearlyFullBytes = 1024 * 1024;

/**
 * A git command that failed for want of disk space. Git does not always say so: a config write
 * cut short reports "failed to write new configuration file" and loses the errno, so the disk is
 * measured instead. The message starts with the words operators search logs for.
 */
export class DiskFullError extends Error {
  constructor(
    readonly freeBytes: number,
    options: { cause: unknown },
  ) {
    super(
      `No space left on device: the disk holding archdrift's mirrors has ` +
        `${freeBytes.toLocaleString("en-US")} bytes free (${reasonOf(options.cause)})`,
      options,
    );
    this.name = "DiskFullError";
  }
}

/** `error`, or a `DiskFullError` in its place when the disk under `dir` is (nearly) full. */
export async function diskFullOr(error: unknown, dir: string): Promise<unknown> {
  const stats = await statfs(dir).catch(() => undefined);
  if (!stats) return error;
  const free = stats.bavail * stats.bsize;
  return free < nearlyFullBytes ? new DiskFullError(free, { cause: error }) : error;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
