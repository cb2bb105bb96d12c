import { expect, it } from "vitest";
import { sampleBase, samplePullRequest } from "../../src/demo/sample-shop.js";
import { useAppHarness } from "./app-harness.js";

const harness = useAppHarness({ baseUrl: "https://ghe.example.com/api/v3" });

it("reviews on GitHub Enterprise Server: API under /api/v3, git from the payload's clone_url", async () => {
  const baseSha = await harness.commit(sampleBase, "base");
  const headSha = await harness.commit(samplePullRequest, "change");
  await harness.publish({ "refs/heads/main": baseSha, "refs/pull/1/head": headSha });
  await harness.pullRequestEvent("opened", { number: 1, baseSha, headSha });
  await harness.settled();
  expect(harness.github.runsFor(headSha)[0]?.conclusion).toBe("failure");
  expect(
    harness.api.requests.every((request) =>
      request.url.startsWith("https://ghe.example.com/api/v3/"),
    ),
  ).toBe(true);
  expect(harness.git.requests.some((request) => request.authorized)).toBe(true);
});
