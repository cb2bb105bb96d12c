import { describe, expect, it } from "vitest";
import { evaluateDrift } from "../../src/drift/evaluate-drift.js";
import { classifierOf, graphOf, policyOf } from "./drift-fixtures.js";

const rulesOf = (findings: { rule: string }[]) => findings.map((finding) => finding.rule).sort();

describe("new-domain-coupling", () => {
  it("warns once when a domain starts importing another", () => {
    const base = graphOf("shop.orders.service -> shop.orders.models");
    const head = graphOf(
      "shop.orders.service -> shop.orders.models",
      "shop.orders.service -> shop.payments.api",
      "shop.orders.models -> shop.payments.models",
    );
    const findings = evaluateDrift(base, head, policyOf(), classifierOf());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "new-domain-coupling",
      file: "src/shop/orders/models.py",
      line: 3,
    });
    expect(findings[0]?.message).toContain("orders now imports payments");
  });

  it("is silent when the domains were already coupled at base", () => {
    const base = graphOf("shop.orders.service -> shop.payments.api");
    const head = graphOf(
      "shop.orders.service -> shop.payments.api",
      "shop.orders.models -> shop.payments.models",
    );
    expect(evaluateDrift(base, head, policyOf(), classifierOf())).toEqual([]);
  });

  it("reports a coupling that went away as an improvement", () => {
    const base = graphOf("shop.orders.service -> shop.payments.api");
    const findings = evaluateDrift(base, graphOf(), policyOf(), classifierOf());
    expect(rulesOf(findings)).toEqual(["coupling-removed"]);
  });
});

describe("domain-cycle", () => {
  it("fails when two domains come to depend on each other, even without a module cycle", () => {
    const base = graphOf("shop.orders.service -> shop.payments.api");
    const head = graphOf(
      "shop.orders.service -> shop.payments.api",
      "shop.payments.worker -> shop.orders.models",
    );
    const findings = evaluateDrift(base, head, policyOf(), classifierOf());
    expect(rulesOf(findings)).toEqual(["domain-cycle", "new-domain-coupling"]);
    const cycle = findings.find((finding) => finding.rule === "domain-cycle");
    expect(cycle).toMatchObject({ severity: "error", modules: ["payments", "orders"], line: 2 });
    expect(cycle?.message).toContain(
      "payments → orders → payments (imports: shop.payments.worker → shop.orders.models at src/shop/payments/worker.py:2, shop.orders.service → shop.payments.api at src/shop/orders/service.py:1)",
    );
  });

  it("ignores a loop that only type-only imports close", () => {
    const base = graphOf("shop.orders.service -> shop.payments.api");
    const head = graphOf(
      "shop.orders.service -> shop.payments.api",
      "shop.payments.worker -> shop.orders.models type-only",
    );
    expect(rulesOf(evaluateDrift(base, head, policyOf(), classifierOf()))).toEqual([
      "new-domain-coupling",
    ]);
  });

  it("does not fail a PR for a domain loop that existed at base", () => {
    const loop = [
      "shop.orders.service -> shop.payments.api",
      "shop.payments.worker -> shop.orders.models",
    ];
    const head = graphOf(...loop, "shop.payments.refunds -> shop.orders.models");
    expect(evaluateDrift(graphOf(...loop), head, policyOf(), classifierOf())).toEqual([]);
  });
});
