import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { safeGit } from "./safe-git.js";

/** File contents by path; `null` deletes the file. */
export type FileChanges = Readonly<Record<string, string | null>>;

/**
 * A real git repository built from code, for the demo and for tests: every commit is made with git
 * itself, so reviews run on genuine history.
 */
export async function initRepo(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await safeGit(dir).init(["--initial-branch=main"]);
}

export async function commitFiles(
  dir: string,
  changes: FileChanges,
  message: string,
): Promise<string> {
  for (const [path, content] of Object.entries(changes)) {
    const target = join(dir, path);
    if (content === null) {
      await rm(target, { force: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  const git = safeGit(dir);
  await git.raw(["add", "--all", "--", "."]);
  await git.raw([
    "-c",
    "user.name=archdrift",
    "-c",
    "user.email=archdrift@example.invalid",
    "commit",
    "--allow-empty",
    "--no-verify",
    "--quiet",
    "-m",
    message,
  ]);
  return (await git.revparse(["HEAD"])).trim();
}

export async function checkoutBranch(dir: string, name: string, create: boolean): Promise<void> {
  await safeGit(dir).raw(
    create ? ["checkout", "--quiet", "-b", name] : ["checkout", "--quiet", name],
  );
}
