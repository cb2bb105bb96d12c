import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { sampleBase, samplePullRequest } from "../../src/demo/sample-shop.js";
import { useActionHarness } from "./action-harness.js";

// The Action runs from its committed bundle (action/main.mjs): after changing src/, run
// `npm run bundle` (or `npm run build`) before these tests.
const harness = useActionHarness();

const pullRequest = (number: number, changes: Record<string, string | null>) =>
  harness.pullRequest(number, changes);

describe("the Action on a pull request that adds drift", () => {
  it("completes an archdrift check run, comments as the App does and fails the step", async () => {
    const { headSha, workspace, payload } = await pullRequest(7, samplePullRequest);
    const run = await harness.run("pull_request", payload, workspace);
    expect(run.exitCode, run.stderr).toBe(1);
    const [check, ...others] = harness.github.runsFor(headSha);
    expect(others).toEqual([]);
    expect(check?.name).toBe("archdrift");
    expect(check?.statuses).toEqual(["in_progress", "completed"]);
    expect(check?.conclusion).toBe("failure");
    expect(check?.output?.summary).toContain("```mermaid");
    expect(check?.annotations).toContainEqual(
      expect.objectContaining({ path: "src/shop/orders/models.py", start_line: 1 }),
    );
    const places = harness.github.comments.map((comment) => `${comment.path}:${comment.line}`);
    expect(places.sort()).toEqual([
      "src/shop/orders/models.py:1",
      "src/shop/orders/services.py:3",
      "src/shop/orders/services.py:4",
    ]);
    expect(harness.github.comments[0]?.body).toMatch(/<!-- archdrift:fingerprint=/);
    expect(run.outputs).toMatchObject({ conclusion: "failure", errors: "4", warnings: "3" });
    expect(run.summary).toContain(check?.output?.summary ?? "no summary");
    expect(run.commands).toContainEqual(
      expect.objectContaining({ command: "error", message: expect.stringMatching(/4 findings at error level \(fail-on: error\)/) }),
    );
    const json = JSON.parse(await readFile(run.outputs["report-json"]!, "utf8")) as { verdict: string };
    expect(json.verdict).toBe("failure");
  });

  it("fetches the base a depth-1 checkout lacks, with the token in git's environment", async () => {
    const { workspace, payload } = await pullRequest(7, samplePullRequest);
    const run = await harness.run("pull_request", payload, workspace);
    expect(run.stdout).toMatch(/fetched base [0-9a-f]{12}, head [0-9a-f]{12}/);
    expect(run.exitCode).toBe(1);
    expect(harness.git.requests.every((request) => request.authorized)).toBe(true);
  });
});

/** Adds a dependency of users on payments: a new coupling between domains, a warning only. */
const warningOnly = {
  "src/shop/users/services.py":
    "from shop.users.models import User\nfrom shop.payments import services\n",
};

describe("conclusions and fail-on", () => {
  it("is neutral for warnings only: passes with fail-on error, fails with fail-on warning", async () => {
    const { headSha, workspace, payload } = await pullRequest(3, warningOnly);
    const lenient = await harness.run("pull_request", payload, workspace);
    expect(lenient.exitCode, lenient.stderr).toBe(0);
    expect(lenient.outputs).toMatchObject({ conclusion: "neutral", errors: "0", warnings: "1" });
    const strict = await harness.run("pull_request", payload, workspace, { "fail-on": "warning" });
    expect(strict.exitCode).toBe(1);
    expect(strict.commands).toContainEqual(
      expect.objectContaining({
        command: "error",
        message: "archdrift: 1 finding at error or warning level (fail-on: warning)",
      }),
    );
    expect(harness.github.runsFor(headSha).map((check) => check.conclusion)).toEqual([
      "neutral",
      "neutral",
    ]);
    expect(harness.github.comments).toEqual([]);
  });

  it("succeeds when nothing drifts, and reads Python through the bundled tree-sitter grammar", async () => {
    const { headSha, workspace, payload } = await pullRequest(4, {
      "src/shop/users/helpers.py": "def slug(name):\n    return name.lower()\n",
      // A syntax error sends the file to tree-sitter, whose wasm the bundle must carry.
      "src/shop/users/broken.py": "from shop.users import models\ndef broken(:\n",
    });
    const run = await harness.run("pull_request", payload, workspace);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ conclusion: "success", errors: "0", warnings: "0" });
    expect(harness.github.runsFor(headSha)[0]?.conclusion).toBe("success");
    const json = JSON.parse(await readFile(run.outputs["report-json"]!, "utf8")) as {
      warnings: { file: string }[];
    };
    expect(json.warnings.map((warning) => warning.file)).toContain("src/shop/users/broken.py");
  });

  it("with fail-on never, reports the failure and lets the step pass", async () => {
    const { headSha, workspace, payload } = await pullRequest(5, samplePullRequest);
    const run = await harness.run("pull_request", payload, workspace, { "fail-on": "never" });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.outputs["conclusion"]).toBe("failure");
    expect(harness.github.runsFor(headSha)[0]?.conclusion).toBe("failure");
  });

  it("refuses a fail-on it does not know before reviewing anything", async () => {
    const { workspace, payload } = await pullRequest(6, warningOnly);
    const run = await harness.run("pull_request", payload, workspace, { "fail-on": "warnings" });
    expect(run.exitCode).toBe(1);
    expect(run.commands.map((command) => command.message)).toEqual([
      'archdrift: fail-on must be one of error, warning, never, not "warnings"',
    ]);
    expect(harness.api.requests).toEqual([]);
  });
});

describe("re-runs and history", () => {
  it("posts one review per head commit: a re-run adds no comment", async () => {
    const { workspace, payload } = await pullRequest(7, samplePullRequest);
    await harness.run("pull_request", payload, workspace);
    const again = await harness.run("pull_request", payload, workspace);
    expect(again.exitCode).toBe(1);
    expect(harness.github.reviews).toHaveLength(1);
    expect(harness.github.comments).toHaveLength(3);
  });

  it("deepens a shallow checkout until it finds where the pull request branched off", async () => {
    const forkPoint = await harness.commit({
      ...sampleBase,
      // users depends on payments at the fork point; main drops that dependency later.
      "src/shop/users/services.py":
        "from shop.users.models import User\nfrom shop.payments import services\n",
    });
    const headSha = await harness.commit({ "README.md": "docs only\n" }, forkPoint);
    const later = await harness.emptyCommits(forkPoint, 60);
    const baseSha = await harness.commit(
      { "src/shop/users/services.py": "from shop.users.models import User\n" },
      later,
    );
    const merge = await harness.openPull(8, baseSha, headSha);
    const workspace = await harness.checkout(merge);
    const payload = harness.pullRequestPayload(8, baseSha, headSha);
    const run = await harness.run("pull_request", payload, workspace);
    // Compared with main's tip instead of the fork point, the docs change would "add" the coupling.
    expect(run.outputs).toMatchObject({ conclusion: "success", warnings: "0" });
    expect(run.stdout).toContain("100 more commits of history");
  });

  it("replaces the credentials actions/checkout persisted instead of sending two", async () => {
    const baseSha = await harness.commit(sampleBase);
    const headSha = await harness.commit(samplePullRequest, baseSha);
    const merge = await harness.openPull(9, baseSha, headSha);
    const workspace = await harness.checkout(merge, {
      depth: 1,
      persistedToken: "ghs_expired_token_of_an_earlier_job_000000",
    });
    const run = await harness.run("pull_request", harness.pullRequestPayload(9, baseSha, headSha), workspace);
    expect(run.outputs["errors"], run.stdout).toBe("4");
    expect(harness.github.runsFor(headSha)[0]?.output?.title).toBe(
      "4 errors, 3 warnings: architecture drift",
    );
  });

  it("says how to fix the workflow when the base commit cannot be had", async () => {
    const forkPoint = await harness.commit(sampleBase);
    const headSha = await harness.commit(samplePullRequest, forkPoint);
    // The base never reaches the server (a force-push dropped it): not in the checkout, not fetchable.
    const baseSha = await harness.commit({ "README.md": "gone\n" }, forkPoint);
    await harness.publish({ "refs/heads/main": forkPoint, "refs/pull/10/head": headSha });
    harness.github.pulls.set(10, { number: 10, state: "open", baseSha, headSha });
    const workspace = await harness.checkout(headSha);
    const run = await harness.run("pull_request", harness.pullRequestPayload(10, baseSha, headSha), workspace);
    expect(run.exitCode).toBe(1);
    const [check] = harness.github.runsFor(headSha);
    expect(check?.conclusion).toBe("failure");
    expect(check?.output?.title).toBe("The base commit is missing");
    expect(check?.output?.summary).toContain("fetch-depth: 0");
    expect(run.summary).toContain("fetch-depth: 0");
    expect(run.outputs["conclusion"]).toBe("failure");
    expect(run.commands.at(-1)?.message).toMatch(/^archdrift: The base commit is missing\. The base commit [0-9a-f]{40} of pull request #10 is not on the server/);
  });
});
