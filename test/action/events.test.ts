import { describe, expect, it } from "vitest";
import { sampleBase, samplePullRequest } from "../../src/demo/sample-shop.js";
import { useActionHarness } from "./action-harness.js";

const harness = useActionHarness();

/** A TypeScript project where payments already imports a module of orders. */
const typescriptBase = {
  "package.json": '{ "name": "shop", "private": true }\n',
  "src/orders/checkout,v2.ts": "export class Checkout {}\n",
  "src/payments/pay.ts":
    'import { Checkout } from "../orders/checkout,v2";\n\nexport function pay(): Checkout {\n  return new Checkout();\n}\n',
};

/** The change a merge group brings: orders imports payments back, closing a cycle. */
const typescriptCycle = {
  "src/orders/checkout,v2.ts":
    'import { pay } from "../payments/pay";\n\nexport class Checkout {\n  total(): unknown {\n    return pay();\n  }\n}\n',
};

describe("merge groups", () => {
  it("reviews the group's head against its base, through dependency-cruiser and TypeScript in the bundle", async () => {
    const baseSha = await harness.commit(typescriptBase);
    const headSha = await harness.commit(typescriptCycle, baseSha);
    await harness.publish({
      "refs/heads/main": baseSha,
      "refs/heads/gh-readonly-queue/main/pr-21-abc": headSha,
    });
    const workspace = await harness.checkout(headSha);
    const payload = harness.eventPayload("merge_group", "checks_requested", {
      merge_group: {
        ...(harness.eventPayload("merge_group", "checks_requested", {})["merge_group"] as object),
        base_sha: baseSha,
        head_sha: headSha,
      },
    });
    const run = await harness.run("merge_group", payload, workspace);
    expect(run.exitCode, run.stdout).toBe(1);
    const [check] = harness.github.runsFor(headSha);
    expect(check?.conclusion).toBe("failure");
    expect(check?.annotations).toContainEqual(
      expect.objectContaining({ path: "src/orders/checkout,v2.ts", start_line: 1 }),
    );
    // No pull request: no review requests at all.
    expect(harness.api.requests.filter((request) => request.path.includes("/pulls"))).toEqual([]);

    const annotated = await harness.run("merge_group", payload, workspace, { "check-run": "false" });
    const cycle = annotated.commands.find((command) => command.properties["title"]?.startsWith("new-cycle"));
    // A comma in a path would split the properties: it travels escaped.
    expect(cycle?.raw).toContain(",file=src/orders/checkout%2Cv2.ts,line=1,");
    expect(cycle?.properties["file"]).toBe("src/orders/checkout,v2.ts");
  });
});

describe("pushes", () => {
  it("reviews a push from `before` to `after` and reports on `after`", async () => {
    const before = await harness.commit(sampleBase);
    const after = await harness.commit(samplePullRequest, before);
    await harness.publish({ "refs/heads/main": after });
    const workspace = await harness.checkout(after);
    const payload = harness.eventPayload("push", undefined, { before, after, ref: "refs/heads/main" });
    const run = await harness.run("push", payload, workspace);
    expect(run.exitCode).toBe(1);
    expect(harness.github.runsFor(after)[0]?.conclusion).toBe("failure");
    expect(run.outputs).toMatchObject({ conclusion: "failure", errors: "4" });
    expect(harness.api.requests.filter((request) => request.path.includes("/pulls"))).toEqual([]);
  });

  it("has nothing to compare on a branch's first push, and says so", async () => {
    const after = await harness.commit(sampleBase);
    await harness.publish({ "refs/heads/feature": after });
    const workspace = await harness.checkout(after);
    const payload = harness.eventPayload("push", undefined, {
      before: "0".repeat(40),
      after,
      ref: "refs/heads/feature",
    });
    const run = await harness.run("push", payload, workspace);
    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain("this is the branch's first push");
    expect(run.outputs["conclusion"]).toBe("success");
    expect(harness.api.requests).toEqual([]);
  });
});

describe("events and config", () => {
  it("names the events it reviews when a workflow runs it on another", async () => {
    const after = await harness.commit(sampleBase);
    await harness.publish({ "refs/heads/main": after });
    const workspace = await harness.checkout(after, { depth: 0 });
    const run = await harness.run("workflow_dispatch", { inputs: {} }, workspace);
    expect(run.exitCode).toBe(1);
    expect(run.commands.map((command) => command.message)).toEqual([
      'archdrift: archdrift reviews pull_request, pull_request_target, merge_group, push events; this workflow ran on "workflow_dispatch". Trigger it with `on: [pull_request, merge_group]`.',
    ]);
  });

  it("reads the `config` input's file from the base commit, never from the pull request", async () => {
    const strict = "rules: { new-domain-coupling: error }\n";
    const { headSha, workspace, payload } = await harness.pullRequest(
      14,
      {
        "src/shop/users/services.py":
          "from shop.users.models import User\nfrom shop.payments import services\n",
        // The pull request tries to relax the rule it is judged by.
        "ci/strict.yml": "rules: { new-domain-coupling: off }\n",
      },
      { base: { ...sampleBase, "ci/strict.yml": strict } },
    );
    const run = await harness.run("pull_request", payload, workspace, { config: "ci/strict.yml" });
    expect(run.outputs).toMatchObject({ conclusion: "failure", errors: "1" });

    const missing = await harness.run("pull_request", payload, workspace, { config: "ci/nope.yml" });
    expect(missing.exitCode).toBe(1);
    expect(harness.github.runsFor(headSha)[1]?.output?.title).toBe("archdrift's config is invalid");
    expect(missing.summary).toMatch(/ci\/nope\.yml:1`?: no such file in the base commit [0-9a-f]{7}/);
  });
});
