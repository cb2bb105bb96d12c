import { describe, expect, it } from "vitest";
import { renderSarif } from "../../src/report/render-sarif.js";
import { sarifValidator } from "../support/sarif-schema.js";
import { aFinding, aReport, anEdge, typicalReport } from "./factories.js";

describe("SARIF against the 2.1.0 schema", () => {
  it("validates a typical report, suppressed findings included", async () => {
    const validate = await sarifValidator();
    const log = JSON.parse(renderSarif(typicalReport(), { toolVersion: "0.1.0" })) as unknown;
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("validates findings with many imports of every kind, linked from the message", async () => {
    const validate = await sarifValidator();
    const kinds = ["runtime", "lazy", "type-only", "dynamic"] as const;
    const edges = Array.from({ length: 14 }, (_, index) =>
      anEdge(`m${index}`, `m${(index + 1) % 14}`, {
        line: index,
        kind: kinds[index % 4] ?? "runtime",
      }),
    );
    const report = aReport({ findings: [aFinding({ rule: "grown-cycle", edges })] });
    const log = JSON.parse(renderSarif(report, { toolVersion: "0.1.0" })) as unknown;
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("is a check that can fail: a log without a tool driver is rejected", async () => {
    const validate = await sarifValidator();
    expect(validate({ version: "2.1.0", runs: [{ tool: {} }] })).toBe(false);
  });
});
