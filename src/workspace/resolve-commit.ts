import { safeGit } from "./safe-git.js";

/** The commit SHA a ref names. `--end-of-options` keeps a ref like `--upload-pack=x` from being an option. */
export async function resolveCommit(repoDir: string, ref: string): Promise<string> {
  // With --quiet git says nothing on stderr, so simple-git reports an unknown ref as empty output.
  const sha = await safeGit(repoDir)
    .raw(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`])
    .catch(() => "");
  if (!/^[0-9a-f]{40,64}$/.test(sha.trim())) throw new UnknownRefError(ref, repoDir);
  return sha.trim();
}

export class UnknownRefError extends Error {
  constructor(
    readonly ref: string,
    readonly repoDir: string,
  ) {
    super(
      ref.trim() === ""
        ? "an empty ref names no commit: give a branch, tag or commit SHA"
        : `"${ref}" is not a commit in ${repoDir}`,
    );
    this.name = "UnknownRefError";
  }
}
