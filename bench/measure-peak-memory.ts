import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { BenchRepo } from "./bench-repo.js";

export interface PeakMemory {
  readonly seconds: number;
  readonly maxRssBytes: number;
  readonly modules: number;
}

const run = promisify(execFile);

/** A full review (no cache: both graphs built) in a child process, which reports its peak RSS. */
export async function measurePeakMemory(repo: BenchRepo): Promise<PeakMemory> {
  const child = fileURLToPath(new URL("./review-child.js", import.meta.url));
  const { stdout } = await run(process.execPath, [child, repo.dir, repo.base, repo.head], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as PeakMemory;
}
