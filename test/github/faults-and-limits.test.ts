import { describe, expect, it } from "vitest";
import { sampleBase, samplePullRequest } from "../../src/demo/sample-shop.js";
import { maxCommentsPerReview } from "../../src/publish/publish-review.js";
import { useAppHarness } from "./app-harness.js";

const harness = useAppHarness();

async function review(
  number: number,
  changes: Record<string, string | null>,
  options: { withoutPatch?: string[]; state?: "closed"; closesDuringReview?: boolean } = {},
) {
  const baseSha = await harness.commit(sampleBase, "base");
  const headSha = await harness.commit(changes, "change");
  await harness.publish({ "refs/heads/main": baseSha, [`refs/pull/${number}/head`]: headSha });
  await harness.pullRequestEvent("opened", { number, baseSha, headSha, ...options });
  await harness.settled();
  return harness.github.runsFor(headSha);
}

/** Sixty modules in the models layer that each import the api layer: sixty layer violations. */
function sixtyViolations(): Record<string, string> {
  const files: Record<string, string> = {
    "src/shop/orders/extra/__init__.py": "",
    "src/shop/orders/extra/models/__init__.py": "",
  };
  for (let i = 0; i < 60; i++)
    files[`src/shop/orders/extra/models/m${i}.py`] = "from shop.orders.api import schemas\n";
  return files;
}

describe("limits", () => {
  it("sends annotations in batches of 50, as the Checks API requires", async () => {
    const [run] = await review(12, sixtyViolations());
    expect(run?.conclusion).toBe("failure");
    expect(
      run?.annotations.filter((annotation) => annotation.annotation_level === "failure"),
    ).toHaveLength(60);
    const updates = harness.api.requests.filter(
      (request) => request.method === "PATCH" && request.path.includes("/check-runs/"),
    );
    const batchSizes = updates.map(
      (request) =>
        ((request.body as { output?: { annotations?: unknown[] } }).output?.annotations ?? [])
          .length,
    );
    expect(batchSizes.every((size) => size <= 50)).toBe(true);
    expect(batchSizes.filter((size) => size > 0)).toEqual([50, 10]);
  });

  it(`posts at most ${maxCommentsPerReview} comments in a review and says how many more there are`, async () => {
    await review(13, sixtyViolations());
    expect(harness.github.comments).toHaveLength(maxCommentsPerReview);
    expect(harness.github.reviews[0]?.body).toContain(
      "30 more are listed in the archdrift check run",
    );
  });

  it("comments only on lines inside the diff's hunks", async () => {
    await review(14, samplePullRequest, { withoutPatch: ["src/shop/orders/models.py"] });
    const paths = new Set(harness.github.comments.map((comment) => comment.path));
    expect([...paths]).toEqual(["src/shop/orders/services.py"]);
  });
});

describe("GitHub faults", () => {
  it("retries after a 500 and still completes the check run", async () => {
    harness.github.injectFault("PATCH", /\/check-runs\/\d+$/, {
      status: 500,
      body: { message: "Server Error" },
    });
    const [run] = await review(15, samplePullRequest);
    expect(harness.github.faultsLeft).toBe(0);
    expect(run?.status).toBe("completed");
    expect(run?.conclusion).toBe("failure");
  });

  it("waits out a secondary rate limit and still posts the review", async () => {
    harness.github.injectFault("POST", /\/pulls\/\d+\/reviews$/, {
      status: 403,
      headers: { "retry-after": "1" },
      body: {
        message:
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      },
    });
    const [run] = await review(16, samplePullRequest);
    expect(harness.github.faultsLeft).toBe(0);
    expect(run?.conclusion).toBe("failure");
    expect(harness.github.reviews).toHaveLength(1);
  });

  it("skips a pull request that was closed before its review ran, and still completes the run", async () => {
    const [run] = await review(17, samplePullRequest, { state: "closed" });
    expect(run?.status).toBe("completed");
    expect(run?.conclusion).toBe("skipped");
    expect(harness.github.reviews).toEqual([]);
  });
});

describe("a pull request closed while its review runs", () => {
  it("still completes the check run on the commit, and posts no comments", async () => {
    const [run] = await review(20, samplePullRequest, { closesDuringReview: true });
    expect(run?.status).toBe("completed");
    expect(run?.conclusion).toBe("failure");
    expect(harness.github.reviews).toEqual([]);
  });
});

describe("merge queues", () => {
  it("completes an archdrift run on the merge group's head SHA", async () => {
    const baseSha = await harness.commit(sampleBase, "base");
    const headSha = await harness.commit(samplePullRequest, "merge group");
    await harness.publish({
      "refs/heads/main": baseSha,
      "refs/heads/gh-readonly-queue/main/pr-5-abc": headSha,
    });
    const example = harness.exampleWith("merge_group", "checks_requested");
    const payload = harness.withInstallation({
      ...example,
      merge_group: { ...(example["merge_group"] as object), head_sha: headSha, base_sha: baseSha },
    });
    expect((await harness.send("merge_group", payload)).status).toBe(200);
    await harness.settled();
    const [run] = harness.github.runsFor(headSha);
    expect(run?.name).toBe("archdrift");
    expect(run?.conclusion).toBe("failure");
    expect(harness.github.reviews).toEqual([]);
  });
});

describe("more faults", () => {
  it("retries after a 502 from GitHub and still completes the check run", async () => {
    harness.github.injectFault("POST", /\/pulls\/\d+\/reviews$/, {
      status: 502,
      body: { message: "Bad Gateway" },
    });
    const [run] = await review(18, samplePullRequest);
    expect(harness.github.faultsLeft).toBe(0);
    expect(run?.conclusion).toBe("failure");
    expect(harness.github.reviews).toHaveLength(1);
  });

  it("fetches again when the git server drops the connection partway through the pack", async () => {
    harness.git.interruptPacks({ times: 1, afterBytes: 20, mode: "close" });
    const [run] = await review(20, samplePullRequest);
    expect(harness.git.interruptionsLeft).toBe(0);
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.title).toMatch(/architecture drift/);
    expect(harness.github.reviews).toHaveLength(1);
  });

  it("completes the check run with git's reason when every fetch is cut short", async () => {
    harness.git.interruptPacks({ times: 3, afterBytes: 20, mode: "close" });
    const [run] = await review(24, samplePullRequest);
    expect(harness.git.interruptionsLeft).toBe(0);
    expect(run?.status).toBe("completed");
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.title).toBe("archdrift could not complete the review");
    expect(run?.output?.summary).toMatch(/git fetch failed .*(RPC failed|early EOF|hung up)/);
    expect(harness.github.reviews).toHaveLength(0);
  });

  it("completes the check run truthfully when the git server cannot be reached", async () => {
    const baseSha = await harness.commit(sampleBase, "base");
    const headSha = await harness.commit(samplePullRequest, "change");
    await harness.publish({ "refs/heads/main": baseSha, "refs/pull/19/head": headSha });
    await harness.git.close();
    await harness.pullRequestEvent("opened", { number: 19, baseSha, headSha });
    await harness.settled();
    const [run] = harness.github.runsFor(headSha);
    expect(run?.status).toBe("completed");
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.title).toBe("archdrift could not complete the review");
    expect(run?.output?.summary).not.toContain(harness.token);
  });
});
