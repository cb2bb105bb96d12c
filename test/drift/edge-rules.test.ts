import { describe, expect, it } from "vitest";
import { evaluateDrift } from "../../src/drift/evaluate-drift.js";
import { classifierOf, graphOf, policyOf } from "./drift-fixtures.js";

const layers = [["api"], ["services"], ["core", "models"]];

describe("layer-violation", () => {
  it("fails a new import from a lower layer to a higher one", () => {
    const base = graphOf("shop.api.routes -> shop.services.orders");
    const head = graphOf(
      "shop.api.routes -> shop.services.orders",
      "shop.models.order -> shop.services.orders",
    );
    const findings = evaluateDrift(base, head, policyOf(), classifierOf({ layers }));
    const violation = findings.find((finding) => finding.rule === "layer-violation");
    expect(violation).toMatchObject({
      severity: "error",
      file: "src/shop/models/order.py",
      line: 2,
    });
    expect(violation?.message).toContain("from the higher layer services");
  });

  it("allows imports downwards and forbids them between independent layers that share a level", () => {
    const head = graphOf(
      "shop.api.routes -> shop.models.order",
      "shop.core.money -> shop.models.order",
    );
    const findings = evaluateDrift(graphOf(), head, policyOf(), classifierOf({ layers }));
    const violations = findings.filter((finding) => finding.rule === "layer-violation");
    expect(violations.map((finding) => finding.file)).toEqual(["src/shop/core/money.py"]);
  });

  it("never fails for a violation that existed at base", () => {
    const both = graphOf("shop.models.order -> shop.api.routes");
    const findings = evaluateDrift(both, both, policyOf(), classifierOf({ layers }));
    expect(findings).toEqual([]);
  });
});

describe("boundary-violation", () => {
  const interfaces = { payments: ["shop.payments.api"] };
  it("fails an import into another domain's internals when it declares an interface", () => {
    const head = graphOf(
      "shop.orders.service -> shop.payments.ledger",
      "shop.orders.checkout -> shop.payments.api",
    );
    const findings = evaluateDrift(graphOf(), head, policyOf(), classifierOf({ interfaces }));
    const violations = findings.filter((finding) => finding.rule === "boundary-violation");
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      file: "src/shop/orders/service.py",
      modules: ["shop.orders.service", "shop.payments.ledger"],
    });
  });
});

describe("forbidden", () => {
  it("fails a new import that matches a from/to rule, with the rule's message", () => {
    const policy = policyOf({
      forbidden: [
        {
          from: "src/shop/api/**",
          to: "src/shop/repository/**",
          message: "API goes through services",
        },
      ],
    });
    const head = graphOf(
      "shop.api.routes -> shop.repository.orders",
      "shop.services.x -> shop.repository.orders",
    );
    const findings = evaluateDrift(graphOf(), head, policy, classifierOf()).filter(
      (finding) => finding.rule === "forbidden",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("API goes through services");
  });
});

describe("coupling-growth", () => {
  it("notes a module whose fan-out grew past the threshold", () => {
    const base = graphOf("shop.orders.a -> shop.orders.b", "shop.orders.a -> shop.orders.c");
    const head = graphOf(
      "shop.orders.a -> shop.orders.b",
      "shop.orders.a -> shop.orders.c",
      "shop.orders.a -> shop.orders.d",
      "shop.orders.a -> shop.orders.e",
    );
    const findings = evaluateDrift(base, head, policyOf(), classifierOf());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "coupling-growth", severity: "notice" });
    expect(findings[0]?.message).toContain("now depends on 4 modules (was 2, threshold 3)");
  });

  it("stays quiet under the threshold and when the rule is off", () => {
    const head = graphOf(
      "shop.orders.a -> shop.orders.b",
      "shop.orders.a -> shop.orders.c",
      "shop.orders.a -> shop.orders.d",
      "shop.orders.a -> shop.orders.e",
    );
    const off = policyOf();
    const rules = { ...off.rules, "coupling-growth": { level: "off" as const } };
    expect(evaluateDrift(graphOf(), head, { ...off, rules }, classifierOf())).toEqual([]);
  });
});

describe("suppressions", () => {
  it("accepts a finding suppressed inline with a reason, and never fails on it", () => {
    const head = graphOf("shop.models.order -> shop.api.routes");
    const edge = head.edges[0]!;
    const suppressed = {
      ...head,
      edges: [
        {
          ...edge,
          suppression: { rules: ["layer-violation"], reason: "legacy, ticket 12", line: 1 },
        },
      ],
    };
    const [finding] = evaluateDrift(
      graphOf(),
      suppressed,
      policyOf(),
      classifierOf({ layers }),
    ).filter((f) => f.rule === "layer-violation");
    expect(finding?.suppressed).toEqual({ reason: "legacy, ticket 12", by: "inline" });
  });

  it("does not let a suppression for one rule hide another", () => {
    const head = graphOf("shop.models.order -> shop.api.routes");
    const edge = head.edges[0]!;
    const suppressed = {
      ...head,
      edges: [{ ...edge, suppression: { rules: ["forbidden"], reason: "x", line: 1 } }],
    };
    const [finding] = evaluateDrift(
      graphOf(),
      suppressed,
      policyOf(),
      classifierOf({ layers }),
    ).filter((f) => f.rule === "layer-violation");
    expect(finding?.suppressed).toBeUndefined();
  });

  it("accepts findings matched by the config's ignore list", () => {
    const policy = policyOf({
      ignore: [{ rule: "layer-violation", from: "src/shop/models/**", reason: "being moved" }],
    });
    const head = graphOf("shop.models.order -> shop.api.routes");
    const [finding] = evaluateDrift(graphOf(), head, policy, classifierOf({ layers })).filter(
      (f) => f.rule === "layer-violation",
    );
    expect(finding?.suppressed).toEqual({ reason: "being moved", by: "config" });
  });
});
