import { describe, expect, it } from "vitest";
import { countBySeverity, summarize, verdictOf } from "../../src/report/verdict.js";
import { aFinding } from "./factories.js";

describe("verdictOf", () => {
  it("fails on any unsuppressed error", () => {
    expect(verdictOf([aFinding({ severity: "warning" }), aFinding({ severity: "error" })])).toBe(
      "failure",
    );
  });

  it("is neutral when only warnings are left", () => {
    const accepted = aFinding({ severity: "error", suppressed: { reason: "known", by: "config" } });
    expect(verdictOf([accepted, aFinding({ severity: "warning" })])).toBe("neutral");
  });

  it("succeeds with notices, improvements or nothing at all", () => {
    expect(verdictOf([])).toBe("success");
    expect(verdictOf([aFinding({ rule: "coupling-growth", severity: "notice" })])).toBe("success");
    expect(verdictOf([aFinding({ rule: "cycle-broken", severity: "info" })])).toBe("success");
  });
});

describe("counts", () => {
  it("counts unsuppressed drift by severity and keeps improvements and suppressed apart", () => {
    const findings = [
      aFinding({ severity: "error" }),
      aFinding({ severity: "error" }),
      aFinding({ severity: "warning" }),
      aFinding({ rule: "coupling-growth", severity: "notice" }),
      aFinding({ rule: "forbidden", severity: "info" }),
      aFinding({ severity: "error", suppressed: { reason: "ok", by: "inline" } }),
      aFinding({ rule: "coupling-removed", severity: "info" }),
    ];
    expect(countBySeverity(findings)).toEqual({ error: 2, warning: 1, notice: 1, info: 1 });
    expect(summarize(findings)).toEqual({
      errors: 2,
      warnings: 1,
      notices: 2,
      improvements: 1,
      suppressed: 1,
    });
  });
});
