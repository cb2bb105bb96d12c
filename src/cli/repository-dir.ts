import { resolve } from "node:path";
import { checkRepository } from "../workspace/check-repository.js";
import type { CliIo } from "./cli-io.js";

/**
 * The repository a command reads (`--repo`, default the current folder), checked before anything
 * runs in it: a mistyped path is a usage error said in one line.
 */
export async function repositoryDir(io: CliIo, option: string | undefined): Promise<string> {
  const dir = resolve(io.cwd, option ?? ".");
  await checkRepository(dir);
  return dir;
}
