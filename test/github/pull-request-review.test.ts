import { describe, expect, it } from "vitest";
import { sampleBase, samplePullRequest } from "../../src/demo/sample-shop.js";
import { useAppHarness } from "./app-harness.js";

const harness = useAppHarness();

/** Base on main, the PR's head on refs/pull/N/head only, as GitHub serves them. */
async function openPullRequest(
  number: number,
  changes: Record<string, string | null>,
  fork = false,
) {
  const baseSha = await harness.commit(sampleBase, "base");
  const headSha = await harness.commit(changes, "change");
  await harness.publish({ "refs/heads/main": baseSha, [`refs/pull/${number}/head`]: headSha });
  const response = await harness.pullRequestEvent("opened", { number, baseSha, headSha, fork });
  await harness.settled();
  return { baseSha, headSha, response };
}

describe("a pull request that adds drift", () => {
  it("gets a queued, then in-progress, then failed check run with summary, diagram and annotations", async () => {
    const { headSha, response } = await openPullRequest(7, samplePullRequest);
    expect(response.status).toBe(200);
    const [run, ...others] = harness.github.runsFor(headSha);
    expect(others).toEqual([]);
    expect(run?.name).toBe("archdrift");
    expect(run?.statuses).toEqual(["queued", "in_progress", "completed"]);
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.summary).toContain("```mermaid");
    expect(run?.output?.summary).toContain("new-cycle");
    expect(run?.annotations).toContainEqual(
      expect.objectContaining({
        path: "src/shop/orders/models.py",
        start_line: 1,
        annotation_level: "failure",
      }),
    );
  });

  it("comments once on each import line inside the diff that introduced an error", async () => {
    await openPullRequest(7, samplePullRequest);
    const places = harness.github.comments
      .map((comment) => `${comment.path}:${comment.line}`)
      .sort();
    expect(places).toEqual([
      "src/shop/orders/models.py:1",
      "src/shop/orders/services.py:3",
      "src/shop/orders/services.py:4",
    ]);
    expect(harness.github.reviews).toHaveLength(1);
    const cycleComment = harness.github.comments.find((comment) => comment.line === 3);
    expect(cycleComment?.body).toContain("new-cycle");
    expect(cycleComment?.body).toMatch(/\*Fix:\*/);
    expect(cycleComment?.body).toMatch(/<!-- archdrift:fingerprint=/);
  });

  it("clones with the installation token, which the git server insists on", async () => {
    await openPullRequest(7, samplePullRequest);
    const gitRequests = harness.git.requests;
    expect(gitRequests.length).toBeGreaterThan(0);
    expect(gitRequests.some((request) => request.authorized)).toBe(true);
  });

  it("reviews a pull request from a fork through refs/pull/N/head", async () => {
    const { headSha } = await openPullRequest(9, samplePullRequest, true);
    expect(harness.github.runsFor(headSha)[0]?.conclusion).toBe("failure");
  });
});

describe("conclusions", () => {
  it("is neutral when the PR only adds warnings", async () => {
    const { headSha } = await openPullRequest(3, {
      "src/shop/users/services.py":
        "from shop.users.models import User\nfrom shop.payments import services\n",
    });
    const [run] = harness.github.runsFor(headSha);
    expect(run?.conclusion).toBe("neutral");
    expect(harness.github.comments).toEqual([]);
  });

  it("is success when the PR changes nothing in the architecture", async () => {
    const { headSha } = await openPullRequest(4, {
      "src/shop/users/models.py": "class User:\n    pass\n",
    });
    const [run] = harness.github.runsFor(headSha);
    expect(run?.conclusion).toBe("success");
    expect(run?.output?.title).toBe("No new architecture drift");
  });
});
