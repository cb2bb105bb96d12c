import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { samplePullRequest } from "../../src/demo/sample-shop.js";
import { sarifValidator } from "../support/sarif-schema.js";
import { useActionHarness } from "./action-harness.js";

const harness = useActionHarness();

describe("the sarif input", () => {
  it("writes SARIF 2.1.0 that validates against the schema, for upload-sarif", async () => {
    const { workspace, payload } = await harness.pullRequest(15, samplePullRequest);
    const run = await harness.run("pull_request", payload, workspace, {
      sarif: "reports/archdrift.sarif",
      "fail-on": "never",
    });
    expect(run.exitCode, run.stderr).toBe(0);
    const log = JSON.parse(await readFile(join(workspace, "reports/archdrift.sarif"), "utf8")) as {
      runs: { results: { ruleId: string; locations: unknown[] }[] }[];
    };
    const validate = await sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const results = log.runs[0]?.results ?? [];
    expect(results.map((result) => result.ruleId).sort()).toEqual([
      "boundary-violation",
      "domain-cycle",
      "layer-violation",
      "new-cycle",
      "new-domain-coupling",
      "new-domain-coupling",
      "package-cycle",
    ]);
  });
});
