import { randomBytes } from "node:crypto";
import { access, mkdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { runGit } from "./run-git.js";

/**
 * Creates the bare repository at `repoDir` unless it exists. It is made beside it and renamed into
 * place, so an init that fails halfway (a full disk) never leaves a folder that looks finished: the
 * next review would take it for a mirror and fail on it for good.
 */
export async function ensureBareRepo(repoDir: string): Promise<void> {
  if (await exists(join(repoDir, "HEAD"))) return;
  await mkdir(dirname(repoDir), { recursive: true });
  const staging = `${repoDir}.init-${randomBytes(6).toString("hex")}`;
  try {
    await runGit(dirname(repoDir), ["init", "--bare", "--quiet", "--template="], {
      env: { GIT_DIR: staging },
    });
    await rename(staging, repoDir).catch(async (error: unknown) => {
      // Another process finished its own first: use that one.
      if (!(await exists(join(repoDir, "HEAD")))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
