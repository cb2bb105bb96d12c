import { describe, expect, it } from "vitest";
import { sampleBase, samplePullRequest } from "../../src/demo/sample-shop.js";
import { useAppHarness } from "../github/app-harness.js";

const harness = useAppHarness();

/** Everything a person or a log collector could ever see of an end-to-end run. */
function everythingVisible(): string {
  return JSON.stringify({
    logs: harness.logLines,
    requests: harness.api.requests.map((request) => ({ url: request.url, body: request.body })),
    checkRuns: harness.github.checkRuns,
    comments: harness.github.comments,
    reviews: harness.github.reviews,
  });
}

describe("secrets in output", () => {
  it("never writes the installation token or a private key into logs, check runs or comments", async () => {
    const baseSha = await harness.commit(sampleBase, "base");
    const headSha = await harness.commit(samplePullRequest, "change");
    await harness.publish({ "refs/heads/main": baseSha, "refs/pull/31/head": headSha });
    await harness.pullRequestEvent("opened", { number: 31, baseSha, headSha });
    // A head that is not on the server: the failure path writes errors to logs and the check run.
    const lost = await harness.commit({ "src/shop/users/models.py": "x = 1\n" }, "never pushed");
    await harness.pullRequestEvent("opened", { number: 32, baseSha, headSha: lost });
    await harness.settled();
    const visible = everythingVisible();
    expect(harness.github.runsFor(lost)[0]?.status).toBe("completed");
    expect(visible).toContain("```mermaid");
    expect(harness.logLines.length).toBeGreaterThan(5);
    for (const secret of [
      harness.token,
      Buffer.from(`x-access-token:${harness.token}`).toString("base64"),
      "PRIVATE KEY",
    ]) {
      expect(visible).not.toContain(secret);
    }
  });
});
