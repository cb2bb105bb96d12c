import { describe, expect, it } from "vitest";
import { forkPoint } from "../../src/workspace/fork-point.js";
import { safeGit } from "../../src/workspace/safe-git.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { WrongRefsError } from "../../src/workspace/wrong-refs-error.js";
import { useTempDirs } from "./temp-dir.js";

const tempDir = useTempDirs();

/** main: fork → later; pr (from fork): change. */
async function branchedRepo() {
  const dir = await tempDir();
  await initRepo(dir);
  const fork = await commitFiles(dir, { "a.py": "x = 1\n" }, "fork");
  await checkoutBranch(dir, "pr", true);
  const change = await commitFiles(dir, { "b.py": "import a\n" }, "change");
  await checkoutBranch(dir, "main", false);
  const later = await commitFiles(dir, { "c.py": "y = 2\n" }, "later");
  return { dir, fork, change, later };
}

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(WrongRefsError);
  return (error as WrongRefsError).problem;
}

describe("forkPoint", () => {
  it("is where the head branched off, not the base's tip", async () => {
    const { dir, fork, change, later } = await branchedRepo();
    const at = await forkPoint(dir, { ref: "main", sha: later }, { ref: "pr", sha: change });
    expect(at).toBe(fork);
  });

  it("takes a head equal to the base as no change", async () => {
    const { dir, later } = await branchedRepo();
    expect(await forkPoint(dir, { ref: "main", sha: later }, { ref: "HEAD", sha: later })).toBe(
      later,
    );
  });

  it("refuses a head that is an ancestor of the base: swapped refs", async () => {
    const { dir, fork, later } = await branchedRepo();
    const error = forkPoint(dir, { ref: "main", sha: later }, { ref: "main~1", sha: fork });
    expect(await problemOf(error)).toBe("head-behind-base");
  });

  it("refuses histories with no common commit", async () => {
    const { dir, later } = await branchedRepo();
    await safeGit(dir).raw(["checkout", "--quiet", "--orphan", "other"]);
    const other = await commitFiles(dir, { "z.py": "" }, "unrelated root");
    const error = forkPoint(dir, { ref: "main", sha: later }, { ref: "other", sha: other });
    expect(await problemOf(error)).toBe("unrelated");
  });

  it("says a shallow clone lacks the history, rather than compare with the base's tip", async () => {
    const { dir, change, later } = await branchedRepo();
    const clone = await tempDir();
    await safeGit(clone).raw([
      "clone",
      "--quiet",
      "--depth=1",
      "--no-single-branch",
      `file://${dir}`,
      clone,
    ]);
    const error = forkPoint(clone, { ref: "main", sha: later }, { ref: "pr", sha: change });
    expect(await problemOf(error)).toBe("shallow");
  });
});
