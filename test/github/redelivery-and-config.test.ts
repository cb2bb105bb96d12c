import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sampleBase, sampleConfig, samplePullRequest } from "../../src/demo/sample-shop.js";
import { useAppHarness } from "./app-harness.js";

const harness = useAppHarness();

async function pushPullRequest(
  number: number,
  base: Record<string, string | null>,
  changes: Record<string, string | null>,
) {
  const baseSha = await harness.commit(base, "base");
  const headSha = await harness.commit(changes, "change");
  await harness.publish({ "refs/heads/main": baseSha, [`refs/pull/${number}/head`]: headSha });
  return { baseSha, headSha };
}

describe("re-runs and redeliveries", () => {
  it("ignores a redelivered webhook: one check run, one review", async () => {
    const pull = { number: 5, ...(await pushPullRequest(5, sampleBase, samplePullRequest)) };
    await harness.pullRequestEvent("opened", pull, "delivery-1");
    await harness.settled();
    await harness.pullRequestEvent("opened", pull, "delivery-1");
    await harness.settled();
    expect(harness.github.runsFor(pull.headSha)).toHaveLength(1);
    expect(harness.github.reviews).toHaveLength(1);
  });

  it("ignores two copies of one delivery arriving together: one check run", async () => {
    const pull = { number: 6, ...(await pushPullRequest(6, sampleBase, samplePullRequest)) };
    await Promise.all([
      harness.pullRequestEvent("opened", pull, "delivery-2"),
      harness.pullRequestEvent("opened", pull, "delivery-2"),
    ]);
    await harness.settled();
    expect(harness.github.runsFor(pull.headSha)).toHaveLength(1);
    expect(harness.github.reviews).toHaveLength(1);
  });

  it("makes one check run for one head SHA delivered under ten delivery ids at once", async () => {
    const pull = { number: 8, ...(await pushPullRequest(8, sampleBase, samplePullRequest)) };
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        harness.pullRequestEvent(n % 2 ? "opened" : "reopened", pull, `delivery-same-${n}`),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((answer) => answer.body.includes("queued 1"))).toHaveLength(1);
    await harness.settled();
    expect(harness.github.runsFor(pull.headSha)).toHaveLength(1);
    expect(harness.github.reviews).toHaveLength(1);
  });

  it("still reviews a delivery whose check run could not be created when it arrived", async () => {
    const pull = { number: 7, ...(await pushPullRequest(7, sampleBase, samplePullRequest)) };
    // Octokit tries four times in all; every try the webhook side makes gets a 500.
    harness.github.injectFault(
      "POST",
      /\/check-runs$/,
      { status: 500, body: { message: "boom" } },
      4,
    );
    const answer = await harness.pullRequestEvent("opened", pull, "delivery-3");
    expect(answer.status).toBe(200);
    await harness.settled();
    expect(harness.github.faultsLeft).toBe(0);
    const runs = harness.github.runsFor(pull.headSha);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.status).toBe("completed");
    expect(runs[0]?.output?.title).toMatch(/architecture drift/);
    expect(harness.github.reviews).toHaveLength(1);
    await harness.pullRequestEvent("opened", pull, "delivery-3");
    await harness.settled();
    expect(harness.github.runsFor(pull.headSha)).toHaveLength(1);
  }, 60_000);

  it("re-runs from the Re-run button and check suite re-requests without duplicating comments", async () => {
    const pull = { number: 5, ...(await pushPullRequest(5, sampleBase, samplePullRequest)) };
    await harness.pullRequestEvent("opened", pull);
    await harness.settled();
    const comments = harness.github.comments.length;
    const runPayload = harness.withInstallation({
      ...harness.exampleWith("check_run", "rerequested"),
      check_run: {
        ...harness.exampleCheckRun(),
        name: "archdrift",
        head_sha: pull.headSha,
        pull_requests: [],
      },
    });
    expect((await harness.send("check_run", runPayload)).status).toBe(200);
    await harness.settled();
    const suitePayload = harness.withInstallation({
      ...harness.exampleWith("check_suite", "rerequested"),
      check_suite: { ...harness.exampleCheckSuite(), head_sha: pull.headSha, pull_requests: [] },
    });
    expect((await harness.send("check_suite", suitePayload)).status).toBe(200);
    await harness.settled();
    const runs = harness.github.runsFor(pull.headSha);
    expect(runs.map((run) => run.conclusion)).toEqual(["failure", "failure", "failure"]);
    expect(harness.github.comments).toHaveLength(comments);
  });

  it("resolves its comments once a new push removes the drift", async () => {
    const first = { number: 6, ...(await pushPullRequest(6, sampleBase, samplePullRequest)) };
    await harness.pullRequestEvent("opened", first);
    await harness.settled();
    const fixed = await harness.commit(
      { "src/shop/orders/models.py": sampleBase["src/shop/orders/models.py"]! },
      "drop the layer violation",
    );
    await harness.publish({ "refs/pull/6/head": fixed });
    await harness.pullRequestEvent("synchronize", { ...first, headSha: fixed });
    await harness.settled();
    const modelsComment = harness.github.comments.find(
      (comment) => comment.path === "src/shop/orders/models.py",
    );
    expect(modelsComment?.body).toContain("resolved at");
    const stillOpen = harness.github.comments.filter(
      (comment) => !comment.body.includes("resolved at"),
    );
    expect(stillOpen.map((comment) => comment.path)).toEqual([
      "src/shop/orders/services.py",
      "src/shop/orders/services.py",
    ]);
  });
});

describe("config", () => {
  it("judges the PR by the base branch's config, not the one the PR edits, and says so", async () => {
    const silenced = `${sampleConfig}rules: { new-cycle: off, domain-cycle: off, layer-violation: off, boundary-violation: off }\n`;
    const pull = {
      number: 8,
      ...(await pushPullRequest(8, sampleBase, {
        ...samplePullRequest,
        ".github/archdrift.yml": silenced,
      })),
    };
    await harness.pullRequestEvent("opened", pull);
    await harness.settled();
    const [run] = harness.github.runsFor(pull.headSha);
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.summary).toContain("reviewed with the version on the base branch");
    const configReads = harness.api.requests.filter((request) =>
      request.path.includes("/contents/"),
    );
    expect(configReads.every((request) => request.query["ref"] === pull.baseSha)).toBe(true);
  });

  it("completes the check run with file, line and reason when the config is broken", async () => {
    const broken = {
      ...sampleBase,
      ".github/archdrift.yml": "layers: [api, services]\nrulez: {}\n",
    };
    const pull = { number: 2, ...(await pushPullRequest(2, broken, samplePullRequest)) };
    await harness.pullRequestEvent("opened", pull);
    await harness.settled();
    const [run] = harness.github.runsFor(pull.headSha);
    expect(run?.status).toBe("completed");
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.summary).toMatch(/\.github\/archdrift\.yml:2`?: .*rulez/);
  });

  it("completes a failure check run naming a base config that is a folder or a symlink", async () => {
    const workDir = harness.served.workDir;
    const cases = [
      {
        number: 21,
        why: "a folder",
        place: () =>
          mkdir(join(workDir, ".github/archdrift.yml/x"), { recursive: true }).then(() =>
            writeFile(join(workDir, ".github/archdrift.yml/x/a.yml"), "rules: {}\n"),
          ),
      },
      {
        number: 22,
        why: "a symbolic link",
        place: () =>
          mkdir(join(workDir, ".github"), { recursive: true }).then(() =>
            symlink("/etc/passwd", join(workDir, ".github/archdrift.yml")),
          ),
      },
    ];
    for (const { number, why, place } of cases) {
      await rm(join(workDir, ".github"), { recursive: true, force: true });
      await harness.commit({ ...sampleBase, ".github/archdrift.yml": null }, "code");
      await place();
      const pull = { number, ...(await pushPullRequest(number, {}, samplePullRequest)) };
      await harness.pullRequestEvent("opened", pull);
      await harness.settled();
      const [run] = harness.github.runsFor(pull.headSha);
      expect(run?.status).toBe("completed");
      expect(run?.conclusion).toBe("failure");
      expect(run?.output?.summary).toContain(
        `.github/archdrift.yml:1\`: the config cannot be read (${why})`,
      );
      expect(run?.output?.summary).not.toContain("root:");
    }
  });

  it("uses organisation defaults from the .github repository through _extends", async () => {
    harness.github.orgFiles.set(
      "acme/.github:.github/archdrift.yml",
      "rules: { new-domain-coupling: error }\n",
    );
    const base = { ...sampleBase, ".github/archdrift.yml": "_extends: .github\n" };
    const pull = {
      number: 11,
      ...(await pushPullRequest(11, base, {
        "src/shop/users/services.py":
          "from shop.users.models import User\nfrom shop.payments import services\n",
      })),
    };
    await harness.pullRequestEvent("opened", pull);
    await harness.settled();
    const [run] = harness.github.runsFor(pull.headSha);
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.summary).toContain("new-domain-coupling");
  });
});
