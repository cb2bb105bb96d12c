import { appendFile, mkdir, readFile, rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { QueuedJob } from "./review-queue.js";

/** A job the process could not finish, with its check run when one was made. */
export interface PendingJob<T> {
  readonly job: QueuedJob<T>;
  readonly checkRunId?: number;
}

/**
 * Where the in-process queue writes the jobs a shutdown left, one JSON line each, so the next
 * start resumes them instead of completing every check run as cancelled at one write a second.
 * Appending keeps recording a long backlog linear.
 */
export class PendingJobsFile<T> {
  private lines: string[] = [];
  private flushing: Promise<void> | undefined;

  constructor(readonly path: string) {}

  /** Records made together are written together, in one append. */
  record(entry: PendingJob<T>): Promise<void> {
    this.lines.push(`${JSON.stringify(entry)}\n`);
    this.flushing ??= Promise.resolve().then(() => this.flush());
    return this.flushing;
  }

  private async flush(): Promise<void> {
    const lines = this.lines;
    this.lines = [];
    this.flushing = undefined;
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, lines.join(""));
  }

  /** Reads and removes what the last shutdown left; a line cut short by a crash is skipped. */
  async take(): Promise<PendingJob<T>[]> {
    const text = await readFile(this.path, "utf8").catch(() => "");
    await rm(this.path, { force: true });
    const byId = new Map<string, PendingJob<T>>();
    for (const line of text.split("\n")) {
      const entry = parseLine<T>(line);
      if (entry) byId.set(entry.job.id, { ...byId.get(entry.job.id), ...entry });
    }
    return [...byId.values()];
  }
}

function parseLine<T>(line: string): PendingJob<T> | undefined {
  try {
    const entry = JSON.parse(line) as PendingJob<T>;
    return typeof entry.job?.id === "string" && typeof entry.job.key === "string"
      ? entry
      : undefined;
  } catch {
    return undefined;
  }
}
