import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sampleBase, samplePullRequest } from "../../src/demo/sample-shop.js";
import { safeGit } from "../../src/workspace/safe-git.js";
import { defaultWorkspaceLimits } from "../../src/workspace/workspace-limits.js";
import { useAppHarness, type AppHarness } from "./app-harness.js";

async function openPullRequest(
  harness: AppHarness,
  number: number,
  publishHead = true,
  changes: Record<string, string> = samplePullRequest,
) {
  const baseSha = await harness.commit(sampleBase, "base");
  const headSha = await harness.commit(changes, "change");
  const refs: Record<string, string> = { "refs/heads/main": baseSha };
  if (publishHead) refs[`refs/pull/${number}/head`] = headSha;
  await harness.publish(refs);
  await harness.pullRequestEvent("opened", { number, baseSha, headSha });
  await harness.settled();
  return harness.github.runsFor(headSha);
}

describe("a commit over the size bounds", () => {
  const harness = useAppHarness({
    settings: { limits: { ...defaultWorkspaceLimits, maxFiles: 5 } },
  });

  it("completes the check run saying which bound was hit", async () => {
    const [run] = await openPullRequest(harness, 21);
    expect(run?.status).toBe("completed");
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.title).toBe("Too large to review");
    expect(run?.output?.summary).toContain("ARCHDRIFT_MAX_FILES");
  });
});

describe("a pull request whose fetch is over the size bound", () => {
  const harness = useAppHarness({
    settings: { limits: { ...defaultWorkspaceLimits, maxFetchBytes: 256 * 1024 } },
  });

  it("stops the fetch and completes the check run naming the bound", async () => {
    const noise = randomBytes(2 * 1024 * 1024).toString("base64");
    const [run] = await openPullRequest(harness, 25, true, {
      ...samplePullRequest,
      "assets/blob.txt": noise,
    });
    expect(run?.status).toBe("completed");
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.title).toBe("Too large to review");
    expect(run?.output?.summary).toMatch(
      /fetching the pull request from \S+ passed [\d,]+ bytes and was stopped; archdrift reviews at most 262,144 \(ARCHDRIFT_MAX_FETCH_BYTES\)/,
    );
    expect(harness.github.reviews).toHaveLength(0);
  });
});

describe("a review past its time limit", () => {
  const harness = useAppHarness({ settings: { timeoutMs: 1 } });

  it("completes the check run saying the review took too long", async () => {
    const [run] = await openPullRequest(harness, 22);
    expect(run?.status).toBe("completed");
    expect(run?.output?.title).toBe("Review took too long");
  });
});

describe("a Python file that takes too long to parse", () => {
  const harness = useAppHarness({ settings: { maxParseMs: 50 } });

  it("ends the review with a completed check run naming the file and the bound", async () => {
    // An unclosed bracket at the end sends the file past the fast scanner to the parser, whose
    // parse of about 900 kB takes several hundred milliseconds.
    const slow = `import os\n${"values = [1, 2, 3]\n".repeat(50_000)}tail = (\n`;
    const [run] = await openPullRequest(harness, 23, true, {
      ...samplePullRequest,
      "src/shop/orders/generated_table.py": slow,
    });
    expect(run?.status).toBe("completed");
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.title).toBe("A file took too long to parse");
    expect(run?.output?.summary).toContain(
      "parsing `src/shop/orders/generated_table.py` took longer than 50 ms (ARCHDRIFT_MAX_PARSE_MS)",
    );
    expect(harness.github.reviews).toHaveLength(0);
  });
});

describe("a head commit force-pushed away", () => {
  const harness = useAppHarness();

  it("completes the check run saying the commit is gone", async () => {
    const [run] = await openPullRequest(harness, 23, false);
    expect(run?.status).toBe("completed");
    expect(run?.output?.title).toBe("Commit no longer exists");
  });
});

describe("base and head with no merge base", () => {
  const harness = useAppHarness();

  it("fails the check run saying the histories are unrelated, never comparing with the base", async () => {
    const baseSha = await harness.commit(sampleBase, "base");
    // A head on a history of its own, as when a repository is pushed again from a fresh `git init`.
    await safeGit(harness.served.workDir).raw(["checkout", "--quiet", "--orphan", "reimported"]);
    const headSha = await harness.commit(samplePullRequest, "unrelated root");
    await harness.publish({ "refs/heads/main": baseSha, "refs/pull/26/head": headSha });
    await harness.pullRequestEvent("opened", { number: 26, baseSha, headSha });
    await harness.settled();
    const [run] = harness.github.runsFor(headSha);
    expect(run?.status).toBe("completed");
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.title).toBe("Base and head share no history");
    expect(run?.output?.summary).toContain("nothing was judged");
    expect(harness.github.reviews).toHaveLength(0);
  });

  it("fails the check run of a head already inside its base", async () => {
    const headSha = await harness.commit(samplePullRequest, "merged long ago");
    const baseSha = await harness.commit({ "README.md": "later\n" }, "later");
    await harness.publish({ "refs/heads/main": baseSha, "refs/pull/27/head": headSha });
    await harness.pullRequestEvent("opened", { number: 27, baseSha, headSha });
    await harness.settled();
    const [run] = harness.github.runsFor(headSha);
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.title).toBe("The head is already part of the base");
    expect(run?.output?.summary).toContain(`\`${headSha.slice(0, 7)}\` is an ancestor of the base`);
  });
});

describe("the base graph cache", () => {
  const harness = useAppHarness();

  const hits = async () => {
    const { text } = await harness.metrics();
    return Number(/^archdrift_graph_cache_hits_total (\d+)/m.exec(text)?.[1] ?? "0");
  };

  it("serves the second review of the same base from the cache", async () => {
    await openPullRequest(harness, 24);
    const before = await hits();
    const headSha = await harness.commit(
      { "src/shop/users/models.py": "class User:\n    pass\n" },
      "more",
    );
    await harness.publish({ "refs/pull/24/head": headSha });
    const baseSha = harness.github.pulls.get(24)?.baseSha ?? "";
    await harness.pullRequestEvent("synchronize", { number: 24, baseSha, headSha });
    await harness.settled();
    expect(await hits()).toBe(before + 1);
  });
});
