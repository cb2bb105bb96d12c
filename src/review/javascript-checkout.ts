import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Snapshot } from "../workspace/snapshot.js";
import type { SourceFiles } from "./source-files.js";

/**
 * dependency-cruiser reads a file system, so the JavaScript sources and the files that steer their
 * resolution are written to a private folder for the time of `use`.
 */
export async function withJavaScriptCheckout<T>(
  snapshot: Snapshot,
  files: SourceFiles,
  use: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "archdrift-js-"));
  try {
    await snapshot.materialize([...files.javascript, ...files.javascriptSupport], dir);
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
