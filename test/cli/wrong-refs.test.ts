import { describe, expect, it } from "vitest";
import { safeGit } from "../../src/workspace/safe-git.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";
import { runCli, type CliRun } from "./run-cli.js";

const tempDir = useTempDirs();

/**
 * main: fork → later (which adds a cycle); pr, from fork: a harmless change. Compared with main's
 * tip instead of the fork point, the PR would look as if it removed the cycle.
 */
async function branchedRepo() {
  const dir = await tempDir();
  await initRepo(dir);
  const fork = await commitFiles(
    dir,
    { "app/__init__.py": "", "app/a.py": "import os\n", "app/b.py": "from app import a\n" },
    "fork",
  );
  await checkoutBranch(dir, "pr", true);
  const change = await commitFiles(dir, { "app/c.py": "from app import b\n" }, "change");
  await checkoutBranch(dir, "main", false);
  const later = await commitFiles(dir, { "app/a.py": "from app import b\n" }, "later");
  return { dir, fork, change, later };
}

/** Exit 2, nothing on stdout (no report that could be read as a pass), and what to do. */
function expectRefused(run: CliRun, said: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(said);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe("check with refs that cannot be compared", () => {
  it("refuses a head that is an ancestor of the base and says the refs look swapped", async () => {
    const { dir } = await branchedRepo();
    const run = await runCli(["check", "--base", "main", "--head", "main~1"], dir);
    expectRefused(
      run,
      /The head is already part of the base: The head main~1 \([0-9a-f]{7}\) is an ancestor of the base main/,
    );
    expect(run.stderr).toContain("probably swapped");
  });

  it("refuses unrelated histories instead of comparing with the base's tip", async () => {
    const { dir } = await branchedRepo();
    await safeGit(dir).raw(["checkout", "--quiet", "--orphan", "imported"]);
    await commitFiles(dir, { "app/a.py": "import os\n" }, "unrelated root");
    const run = await runCli(["check", "--base", "main", "--head", "imported"], dir);
    expectRefused(run, /Base and head share no history: .*no common commit/);
    expect(run.stderr).toContain("--base");
  });

  it("in a shallow clone, says to fetch the full history", async () => {
    const { dir } = await branchedRepo();
    const clone = await tempDir();
    await safeGit(clone).raw([
      "clone",
      "--quiet",
      "--depth=1",
      "--no-single-branch",
      `file://${dir}`,
      clone,
    ]);
    const run = await runCli(["check", "--base", "origin/main", "--head", "origin/pr"], clone);
    expectRefused(run, /No merge base in a shallow clone: .*shallow clone/);
    expect(run.stderr).toContain("git fetch --unshallow");
    expect(run.stderr).toContain("fetch-depth: 0");
    await safeGit(clone).raw(["fetch", "--quiet", "--unshallow"]);
    const fixed = await runCli(["check", "--base", "origin/main", "--head", "origin/pr"], clone);
    expect(fixed.code).toBe(0);
  });

  it("refuses an empty ref plainly, naming the option", async () => {
    const { dir } = await branchedRepo();
    expectRefused(
      await runCli(["check", "--base", "main", "--head", ""], dir),
      /^archdrift: --head is empty: name a branch, tag or commit SHA\n$/,
    );
    expectRefused(
      await runCli(["check", "--base", " ", "--head", "pr"], dir),
      /^archdrift: --base is empty/,
    );
    expectRefused(await runCli(["graph", "--ref", ""], dir), /^archdrift: --ref is empty/);
  });

  it("quotes a ref that names no commit", async () => {
    const { dir } = await branchedRepo();
    const run = await runCli(["check", "--base", "main", "--head", "no such"], dir);
    expectRefused(run, /^archdrift: "no such" is not a commit in /m);
  });
});

describe("the merge base in the report", () => {
  it("is printed as the merge base, not under the base branch's name", async () => {
    const { dir, fork, change, later } = await branchedRepo();
    const text = await runCli(["check", "--base", "main", "--head", "pr"], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `base main (${later.slice(0, 7)}) → head pr (${change.slice(0, 7)}), compared with the merge base ${fork.slice(0, 7)}`,
    );
    // Judged against the fork point: main's later cycle is neither the PR's doing nor undone by it.
    expect(text.stdout).not.toContain("cycle");
    const json = JSON.parse(
      (await runCli(["check", "--base", "main", "--head", "pr", "--format", "json"], dir)).stdout,
    ) as {
      base: { ref: string; sha: string };
      mergeBase: string;
    };
    expect(json.base).toEqual({ ref: "main", sha: later });
    expect(json.mergeBase).toBe(fork);
    const markdown = await runCli(
      ["check", "--base", "main", "--head", "pr", "--format", "markdown"],
      dir,
    );
    expect(markdown.stdout).toContain(`merge base \`${fork.slice(0, 7)}\``);
  });
});
