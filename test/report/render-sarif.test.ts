import { describe, expect, it } from "vitest";
import { ruleIds } from "../../src/policy/policy.js";
import { renderSarif } from "../../src/report/render-sarif.js";
import type { SarifLog, SarifResult } from "../../src/report/sarif-types.js";
import { aFinding, aReport, anEdge, typicalReport } from "./factories.js";

// The properties GitHub code scanning reads; sarif-schema.test.ts checks the whole log against the
// 2.1.0 schema.
function sarifOf(report = typicalReport()): SarifLog {
  return JSON.parse(renderSarif(report, { toolVersion: "0.1.0" })) as SarifLog;
}

function resultsOf(log: SarifLog): readonly SarifResult[] {
  expect(log.runs).toHaveLength(1);
  return log.runs[0]?.results ?? [];
}

describe("renderSarif", () => {
  it("is a SARIF 2.1.0 log with one run by archdrift", () => {
    const log = sarifOf();
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    const driver = log.runs[0]?.tool.driver;
    expect(driver).toMatchObject({ name: "archdrift", version: "0.1.0" });
    expect(driver?.informationUri).toMatch(/^https:\/\//);
  });

  it("describes every rule with descriptions, a help link and a default level", () => {
    const rules = sarifOf().runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual([...ruleIds]);
    for (const rule of rules) {
      expect(rule.shortDescription.text).not.toBe("");
      expect(rule.fullDescription.text).not.toBe("");
      expect(rule.helpUri).toMatch(new RegExp(`^https://.*#${rule.id}$`));
      expect(["error", "warning", "note"]).toContain(rule.defaultConfiguration.level);
    }
    const levels = Object.fromEntries(
      rules.map((rule) => [rule.id, rule.defaultConfiguration.level]),
    );
    expect(levels).toMatchObject({
      "new-cycle": "error",
      "grown-cycle": "warning",
      "coupling-growth": "note",
    });
  });

  it("maps each finding to a result with level, message, location and fingerprint", () => {
    const log = sarifOf();
    const results = resultsOf(log);
    expect(results.map((result) => result.ruleId)).toEqual([
      "new-cycle",
      "layer-violation",
      "new-domain-coupling",
      "forbidden",
    ]);
    const [cycle, , coupling] = results;
    expect(cycle?.level).toBe("error");
    expect(coupling?.level).toBe("warning");
    expect(cycle?.message.text).toContain(
      "Cycle: shop.payments.api → shop.orders.service → shop.orders.models → shop.payments.api.",
    );
    expect(cycle?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: "src/shop/payments/api.py", uriBaseId: "%SRCROOT%" },
      region: { startLine: 12 },
    });
    expect(cycle?.partialFingerprints).toEqual({
      "archdrift/v1": "new-cycle:shop.payments.api:shop.orders.service",
    });
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    for (const result of results) expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
  });

  it("carries every import behind a finding as a related location, linked from the message", () => {
    const [cycle] = resultsOf(sarifOf());
    expect(
      cycle?.relatedLocations?.map((related) => ({
        id: related.id,
        at: `${related.physicalLocation.artifactLocation.uri}:${related.physicalLocation.region?.startLine}`,
        properties: related.properties,
      })),
    ).toEqual([
      {
        id: 1,
        at: "src/shop/payments/api.py:12",
        properties: { kind: "runtime", from: "shop.payments.api", to: "shop.orders.service" },
      },
      {
        id: 2,
        at: "src/shop/orders/service.py:1",
        properties: { kind: "runtime", from: "shop.orders.service", to: "shop.orders.models" },
      },
      {
        id: 3,
        at: "src/shop/orders/models.py:1",
        properties: { kind: "runtime", from: "shop.orders.models", to: "shop.payments.api" },
      },
    ]);
    expect(cycle?.relatedLocations?.[0]?.message?.text).toBe(
      "from shop.orders import service (runtime import, shop.payments.api → shop.orders.service)",
    );
    expect(cycle?.message.text).toContain(
      "Imports: [src/shop/payments/api.py:12](1), [src/shop/orders/service.py:1](2), [src/shop/orders/models.py:1](3).",
    );
  });

  it("escapes brackets of a path in an import link", () => {
    const edges = [
      anEdge("a", "b", { file: "src/x](evil)/a.py", line: 3 }),
      anEdge("b", "a", { kind: "lazy" }),
    ];
    const [result] = resultsOf(sarifOf(aReport({ findings: [aFinding({ edges })] })));
    expect(result?.message.text).toContain("Imports: [src/x\\](evil)/a.py:3](1), [src/b.py:1](2).");
    expect(result?.relatedLocations?.[1]?.properties).toEqual({ kind: "lazy", from: "b", to: "a" });
  });

  it("gives notices and info the note level", () => {
    const findings = [
      aFinding({ rule: "coupling-growth", severity: "notice" }),
      aFinding({ rule: "forbidden", severity: "info" }),
    ];
    expect(resultsOf(sarifOf(aReport({ findings }))).map((result) => result.level)).toEqual([
      "note",
      "note",
    ]);
  });

  it("marks suppressed findings with their kind and justification", () => {
    const findings = [
      aFinding({ suppressed: { reason: "legacy bridge", by: "inline" } }),
      aFinding({ suppressed: { reason: "accepted in ADR 12", by: "config" } }),
      aFinding(),
    ];
    const results = resultsOf(sarifOf(aReport({ findings })));
    const suppressions = results.map((result) => result.suppressions);
    expect(suppressions).toContainEqual([
      { kind: "inSource", status: "accepted", justification: "legacy bridge" },
    ]);
    expect(suppressions).toContainEqual([
      { kind: "external", status: "accepted", justification: "accepted in ADR 12" },
    ]);
    expect(results[0]).not.toHaveProperty("suppressions");
  });

  it("leaves improvements out and encodes paths as URIs", () => {
    const findings = [
      aFinding({ rule: "cycle-broken", severity: "info" }),
      aFinding({ file: "src/my dir/a#b.py", line: 0 }),
    ];
    const results = resultsOf(sarifOf(aReport({ findings })));
    expect(results).toHaveLength(1);
    expect(results[0]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: "src/my%20dir/a%23b.py", uriBaseId: "%SRCROOT%" },
    });
  });
});
