import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reviewChanges } from "../../src/review/review-changes.js";
import { safeGit } from "../../src/workspace/safe-git.js";
import { defaultWorkspaceLimits } from "../../src/workspace/workspace-limits.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { runCli } from "../cli/run-cli.js";
import { useTempDirs } from "../workspace/temp-dir.js";
import { benignBase, cycleChange } from "./hostile-repo.js";

const tempDir = useTempDirs();

async function review(base: Record<string, string>, pr: Record<string, string | null>) {
  const dir = await tempDir();
  await initRepo(dir);
  await commitFiles(dir, base, "base");
  await checkoutBranch(dir, "pr", true);
  await commitFiles(dir, pr, "pr");
  return runCli(["check", "--base", "main", "--head", "pr", "--format", "json"], dir);
}

const silencer = 'exclude: ["**"]\nrules: { new-cycle: off }\n';

/**
 * test/cli/check-command.test.ts covers a PR that edits the base's config; these are the two other
 * ways a PR could try to review itself leniently. Shown to fail without the protection by making
 * `reviewChanges` load the policy from the head (a scratch-copy edit of review-changes.ts): both
 * then exited 0.
 */
describe("a pull request cannot choose its own config", () => {
  it("ignores a config the pull request adds where the base has none", async () => {
    const run = await review(benignBase, { ...cycleChange, ".github/archdrift.yml": silencer });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("new-cycle");
  });

  it("keeps the base's config when the pull request deletes or replaces it", async () => {
    const strict = { ...benignBase, ".github/archdrift.yml": "rules: { new-cycle: error }\n" };
    const deleted = await review(strict, { ...cycleChange, ".github/archdrift.yml": null });
    expect(deleted.code).toBe(1);
    const moved = await review(strict, {
      ...cycleChange,
      ".github/archdrift.yml": null,
      ".github/archdrift.yaml": silencer,
    });
    expect(moved.code).toBe(1);
  });
});

/** A base whose config path holds something other than a regular file, committed with git. */
async function baseWithConfig(place: (dir: string) => Promise<void>) {
  const dir = await tempDir();
  await initRepo(dir);
  await commitFiles(dir, { ...benignBase, "archdrift.yml": "rules: { new-cycle: off }\n" }, "code");
  await place(dir);
  await commitFiles(dir, {}, "base");
  await checkoutBranch(dir, "pr", true);
  await commitFiles(dir, cycleChange, "pr");
  return dir;
}

async function checkPr(dir: string) {
  return runCli(["check", "--base", "main", "--head", "pr"], dir);
}

/**
 * Shown failing before the fix: each of these exited 1 with a review by the defaults, as if the
 * repository had no config, so a team's rules silently stopped being checked (issue 10 item 7).
 */
describe("a base config that is not a regular file", () => {
  it("is an error naming it when it is a symlink, inside the repository or out", async () => {
    for (const target of ["../archdrift.yml", "/etc/passwd"]) {
      const dir = await baseWithConfig(async (repo) => {
        await mkdir(join(repo, ".github"));
        await symlink(target, join(repo, ".github", "archdrift.yml"));
      });
      const run = await checkPr(dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /\.github\/archdrift\.yml:1: the config cannot be read \(a symbolic link\)/,
      );
      expect(run.stderr).not.toContain("root:");
      expect(run.stdout).toBe("");
    }
  });

  it("is an error naming it when it is a folder or a submodule", async () => {
    const folder = await baseWithConfig(async (repo) => {
      await mkdir(join(repo, ".github", "archdrift.yaml"), { recursive: true });
      await writeFile(join(repo, ".github", "archdrift.yaml", "rules.yml"), "rules: {}\n");
    });
    const run = await checkPr(folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(".github/archdrift.yaml:1: the config cannot be read (a folder)");

    const submodule = await baseWithConfig(async (repo) => {
      const sha = "1".repeat(40);
      // An empty folder is how git leaves a submodule it has not cloned.
      await mkdir(join(repo, ".github", "archdrift.yml"), { recursive: true });
      await safeGit(repo).raw([
        "update-index",
        "--add",
        "--cacheinfo",
        `160000,${sha},.github/archdrift.yml`,
      ]);
    });
    const bySubmodule = await checkPr(submodule);
    expect(bySubmodule.code).toBe(2);
    expect(bySubmodule.stderr).toContain("the config cannot be read (a submodule)");
  });

  it("is an error naming it when it is too large to read", async () => {
    const dir = await baseWithConfig(async (repo) => {
      await mkdir(join(repo, ".github"));
      await writeFile(join(repo, ".github", "archdrift.yml"), `# ${"x".repeat(2_000)}\n`);
    });
    const review = reviewChanges({
      repoDir: dir,
      base: "main",
      head: "pr",
      limits: { ...defaultWorkspaceLimits, maxFileBytes: 1_000 },
    });
    await expect(review).rejects.toThrow(
      /\.github\/archdrift\.yml:1: the config cannot be read \(not read: 2,003 bytes/,
    );
  });
});
