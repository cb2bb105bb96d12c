import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

describe("archdrift demo", () => {
  it("reviews the sample shop PR and shows every rule once", async () => {
    const run = await runCli(["demo", "--format", "json"], process.cwd());
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      verdict: string;
      findings: { rule: string; file: string; line: number }[];
      improvements: { rule: string; file: string; line: number }[];
    };
    expect(report.verdict).toBe("failure");
    const rules = new Set(report.findings.map((finding) => finding.rule));
    expect([...rules].sort()).toEqual(
      [
        "boundary-violation",
        "coupling-growth",
        "domain-cycle",
        "forbidden",
        "grown-cycle",
        "layer-violation",
        "new-cycle",
        "new-domain-coupling",
        "package-cycle",
      ].sort(),
    );
    expect(report.improvements).toContainEqual(
      expect.objectContaining({ rule: "cycle-broken", file: "src/shop/users/api/schemas.py" }),
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: "layer-violation",
        file: "src/shop/orders/models.py",
        line: 1,
      }),
    );
  });

  it("prints the check-run markdown by default, with a Mermaid picture of the change", async () => {
    const run = await runCli(["demo"], process.cwd());
    expect(run.stdout).toContain("```mermaid");
    expect(run.stderr).toContain('would conclude "failure"');
  });
});
