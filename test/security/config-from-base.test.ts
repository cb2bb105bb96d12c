import { describe, expect, it } from "vitest";
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
