import { describe, expect, it } from "vitest";
import { sampleBase, samplePullRequest } from "../../src/demo/sample-shop.js";
import { useAppHarness } from "./app-harness.js";

const harness = useAppHarness({ githubTimeoutMs: 1_000 });

async function review(number: number) {
  const baseSha = await harness.commit(sampleBase, "base");
  const headSha = await harness.commit(samplePullRequest, "change");
  await harness.publish({ "refs/heads/main": baseSha, [`refs/pull/${number}/head`]: headSha });
  await harness.pullRequestEvent("opened", { number, baseSha, headSha });
  await harness.settled();
  return harness.github.runsFor(headSha);
}

describe("GitHub requests that get no answer", () => {
  it("are abandoned after their own deadline and retried, and the review is still posted", async () => {
    harness.github.injectHang("POST", /\/pulls\/\d+\/reviews$/);
    const [run] = await review(31);
    expect(harness.github.faultsLeft).toBe(0);
    expect(harness.github.reviews).toHaveLength(1);
    expect(run?.status).toBe("completed");
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.title).toMatch(/architecture drift/);
  });

  it("end in a completed check run that names the request, when GitHub never answers it", async () => {
    // Octokit tries a request four times in all; every one of them hangs.
    harness.github.injectHang("GET", /\/pulls\/\d+\/files$/, 4);
    const [run] = await review(32);
    expect(harness.github.faultsLeft).toBe(0);
    expect(run?.status).toBe("completed");
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.title).toBe("archdrift could not complete the review");
    expect(run?.output?.summary).toContain(
      "GitHub did not answer GET /repos/acme/shop/pulls/{id}/files within 1 s",
    );
    expect(harness.github.reviews).toHaveLength(0);
  }, 60_000);

  it("make no second check run when GitHub made one but its answer never arrived", async () => {
    harness.github.injectLostAnswer("POST", /\/check-runs$/);
    const [run, ...more] = await review(33);
    expect(harness.github.faultsLeft).toBe(0);
    expect(more).toEqual([]);
    expect(run?.statuses).toEqual(["queued", "in_progress", "completed"]);
    expect(run?.output?.title).toMatch(/architecture drift/);
    expect(harness.github.reviews).toHaveLength(1);
  });
});
