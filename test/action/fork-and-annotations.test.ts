import { describe, expect, it } from "vitest";
import { samplePullRequest } from "../../src/demo/sample-shop.js";
import { useActionHarness } from "./action-harness.js";

const harness = useActionHarness();

const readOnly = { status: 403, body: { message: "Resource not accessible by integration" } };

/** Twelve imports from the models layer up into api: twelve layer violations. */
function manyViolations(): Record<string, string> {
  const files: Record<string, string> = {};
  const imports: string[] = [];
  for (let index = 0; index < 12; index++) {
    files[`src/shop/orders/api/v${index}.py`] = `VERSION = ${index}\n`;
    imports.push(`from shop.orders.api import v${index}`);
  }
  files["src/shop/orders/models.py"] = `${imports.join("\n")}\n\n\nclass Order:\n    pass\n`;
  return files;
}

describe("a pull request from a fork, whose token is read-only", () => {
  it("falls back to the job summary and workflow annotations, and says why", async () => {
    harness.github.injectFault("POST", /\/check-runs$/, readOnly);
    harness.github.injectFault("POST", /\/reviews$/, readOnly);
    // A fork's head lives only under refs/pull/N/head in the base repository.
    const { headSha, workspace, payload } = await harness.pullRequest(11, samplePullRequest, {
      fork: true,
    });
    const run = await harness.run("pull_request", payload, workspace);
    expect(run.exitCode, run.stderr).toBe(1);
    expect(harness.github.runsFor(headSha)).toEqual([]);
    expect(harness.github.comments).toEqual([]);
    expect(harness.github.faultsLeft).toBe(0);
    const errors = run.commands.filter((command) => command.properties["file"]);
    expect(errors).toContainEqual(
      expect.objectContaining({
        command: "error",
        properties: {
          title: expect.stringMatching(/^layer-violation: /),
          file: "src/shop/orders/models.py",
          line: "1",
          endLine: "1",
        },
        message: expect.stringContaining(" Fix: "),
      }),
    );
    expect(run.summary).toContain("### ❌ 4 errors, 3 warnings");
    expect(run.summary).toContain("may not create check runs (a pull request from a fork");
    expect(run.summary).toContain("may not comment on this pull request");
    expect(run.outputs).toMatchObject({ conclusion: "failure", errors: "4", warnings: "3" });
  });
});

describe("check-run: false", () => {
  it("creates no check run and annotates the job, escaping what the runner would misread", async () => {
    const { workspace, payload } = await harness.pullRequest(12, samplePullRequest);
    const run = await harness.run("pull_request", payload, workspace, {
      "check-run": "false",
      comments: "false",
    });
    expect(run.exitCode).toBe(1);
    expect(harness.api.requests).toEqual([]);
    const cycle = run.commands.find((command) => command.properties["title"]?.startsWith("new-cycle"));
    // The title's colon would end the properties early: it travels escaped.
    expect(cycle?.raw).toMatch(
      /^::error title=new-cycle%3A New import(?:-time)? cycle,file=src\/shop\/orders\/services\.py,line=3,endLine=3::New import-time cycle: /,
    );
    expect(run.summary).toContain("### ❌ 4 errors, 3 warnings");
  });

  it("annotates at most ten findings of a level, as GitHub shows, and says how many more", async () => {
    const { workspace, payload } = await harness.pullRequest(13, manyViolations());
    const run = await harness.run("pull_request", payload, workspace, {
      "check-run": "false",
      comments: "false",
    });
    expect(run.outputs["errors"]).toBe("12");
    const annotated = run.commands.filter(
      (command) => command.command === "error" && command.properties["file"],
    );
    expect(annotated).toHaveLength(10);
    expect(run.summary).toContain("2 more findings are listed in this summary only");
  });
});
