import { describe, expect, it } from "vitest";
import { renderJson } from "../../src/report/render-json.js";
import { aFinding, aReport, anEdge, typicalReport } from "./factories.js";

describe("renderJson", () => {
  it("writes the documented top-level fields in a stable order", () => {
    const json = JSON.parse(renderJson(typicalReport())) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      "version",
      "base",
      "head",
      "mergeBase",
      "verdict",
      "summary",
      "findings",
      "improvements",
      "existing",
      "warnings",
      "stats",
      "config",
    ]);
    expect(json).toMatchObject({
      version: 1,
      base: { ref: "main", sha: "1111111aaaaaaabbbbbbbcccccccdddddddeeeee" },
      verdict: "failure",
      summary: { errors: 2, warnings: 1, notices: 0, improvements: 1, suppressed: 1 },
      stats: { modules: 120, edges: 340, changedFiles: 4, durationMs: 1234 },
      config: { file: ".github/archdrift.yml", changed: false },
    });
  });

  it("lists drift first, suppressed findings after with their reason, improvements apart", () => {
    const json = JSON.parse(renderJson(typicalReport())) as {
      findings: Record<string, unknown>[];
      improvements: Record<string, unknown>[];
      existing: unknown[];
      warnings: unknown[];
    };
    expect(json.findings.map((finding) => finding["rule"])).toEqual([
      "new-cycle",
      "layer-violation",
      "new-domain-coupling",
      "forbidden",
    ]);
    expect(json.findings[0]).toEqual({
      rule: "new-cycle",
      severity: "error",
      message: "New import cycle: shop.payments.api now imports shop.orders.service",
      file: "src/shop/payments/api.py",
      line: 12,
      importText: "from shop.orders import service",
      modules: [
        "shop.payments.api",
        "shop.orders.service",
        "shop.orders.models",
        "shop.payments.api",
      ],
      imports: [
        {
          from: "shop.payments.api",
          to: "shop.orders.service",
          file: "src/shop/payments/api.py",
          line: 12,
          kind: "runtime",
          text: "from shop.orders import service",
        },
        {
          from: "shop.orders.service",
          to: "shop.orders.models",
          file: "src/shop/orders/service.py",
          line: 1,
          kind: "runtime",
          text: "import shop.orders.models",
        },
        {
          from: "shop.orders.models",
          to: "shop.payments.api",
          file: "src/shop/orders/models.py",
          line: 1,
          kind: "runtime",
          text: "import shop.payments.api",
        },
      ],
      hint: "Move what payments needs from orders into a module both can import, or pass it in.",
      fingerprint: "new-cycle:shop.payments.api:shop.orders.service",
    });
    expect(json.findings[3]?.["suppressed"]).toEqual({
      reason: "migration in progress, see #412",
      by: "inline",
    });
    expect(json.improvements.map((finding) => finding["rule"])).toEqual(["cycle-broken"]);
    expect(json.existing).toHaveLength(2);
    expect(json.warnings).toEqual([
      {
        file: "src/shop/legacy.py",
        line: 5,
        message: "relative import climbs above the root: from ... import x",
      },
    ]);
  });

  it("lists every import behind a finding with its kind, not only the first", () => {
    const edges = [
      anEdge("app.a", "app.b", { line: 4 }),
      anEdge("app.b", "app.c", { line: 9, kind: "lazy", text: "    from app import c" }),
      anEdge("app.c", "app.a", { line: 2, kind: "type-only" }),
    ];
    const findings = [
      aFinding({ rule: "grown-cycle", modules: ["app.a", "app.b", "app.c"], edges }),
    ];
    const json = JSON.parse(renderJson(aReport({ findings }))) as {
      findings: { imports: { file: string; line: number; kind: string }[] }[];
    };
    expect(
      json.findings[0]?.imports.map(({ file, line, kind }) => `${file}:${line} ${kind}`),
    ).toEqual(["src/app/a.py:4 runtime", "src/app/b.py:9 lazy", "src/app/c.py:2 type-only"]);
  });

  it("says success for a clean PR", () => {
    const json = JSON.parse(renderJson(aReport())) as { verdict: string; findings: unknown[] };
    expect(json.verdict).toBe("success");
    expect(json.findings).toEqual([]);
  });
});
