import { describe, expect, it } from "vitest";
import { sampleBase, samplePullRequest } from "../../src/demo/sample-shop.js";
import { reviewFailure } from "../../src/action/review-failure.js";
import { reviewChanges } from "../../src/review/review-changes.js";
import { completeCheckout } from "../../src/workspace/complete-checkout.js";
import { safeGit } from "../../src/workspace/safe-git.js";
import { commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();

/**
 * The Action's own steps in process (the end-to-end tests run the committed bundle): the checkout
 * completed as `run-action` completes it, then the review, then the failure it would publish.
 */
async function actionReview(origin: string, baseSha: string, headSha: string) {
  const workspace = await tempDir();
  const git = safeGit(workspace);
  await git.raw(["init", "--quiet"]);
  await git.raw(["fetch", "--quiet", "--depth=1", `file://${origin}`, `+${headSha}:refs/remotes/checkout`]);
  const input = { repoFullName: "acme/shop", cloneUrl: `file://${origin}`, baseSha, headSha };
  const { fetched } = await completeCheckout({
    ...input,
    repoDir: workspace,
    token: "ghs_test_token",
    pullNumber: 3,
    allowFileProtocol: true,
  });
  try {
    const report = await reviewChanges({ repoDir: workspace, base: baseSha, head: headSha });
    return { fetched, report, error: undefined };
  } catch (error) {
    return { fetched, report: undefined, error };
  }
}

describe("the Action with base and head that share no history", () => {
  it("deepens down to the roots, then fails the check run instead of comparing with the base", async () => {
    const origin = await tempDir();
    await initRepo(origin);
    const baseSha = await commitFiles(origin, sampleBase, "base");
    await safeGit(origin).raw(["checkout", "--quiet", "--orphan", "reimported"]);
    const headSha = await commitFiles(origin, samplePullRequest, "unrelated root");
    const { fetched, error } = await actionReview(origin, baseSha, headSha);
    expect(fetched).toContain("100 more commits of history");
    const result = reviewFailure(error);
    expect(result?.conclusion).toBe("failure");
    expect(result?.title).toBe("Base and head share no history");
    expect(result?.summary).toContain("nothing was judged");
  });

  it("still reviews a depth-1 checkout whose merge base lies deeper", async () => {
    const origin = await tempDir();
    await initRepo(origin);
    const fork = await commitFiles(origin, sampleBase, "base");
    await safeGit(origin).raw(["checkout", "--quiet", "-b", "pr"]);
    const headSha = await commitFiles(origin, { "README.md": "docs\n" }, "docs");
    await safeGit(origin).raw(["checkout", "--quiet", "main"]);
    const baseSha = await commitFiles(origin, { "NOTES.md": "later\n" }, "later");
    const { report, error } = await actionReview(origin, baseSha, headSha);
    expect(error).toBeUndefined();
    expect(report?.mergeBase).toBe(fork);
    expect(report?.base.sha).toBe(baseSha);
  });
});
