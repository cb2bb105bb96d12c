import { describe, expect, it } from "vitest";
import { evaluateDrift } from "../../src/drift/evaluate-drift.js";
import type { Graph } from "../../src/graph/graph.js";
import { parsePolicy } from "../../src/policy/parse-policy.js";
import type { Policy } from "../../src/policy/policy.js";
import { classifierOf, graphOf, policyOf } from "./drift-fixtures.js";

const review = (base: Graph, head: Graph, policy: Policy = policyOf()) =>
  evaluateDrift(base, head, policy, classifierOf()).filter((f) => f.rule === "package-cycle");

// Inside the orders domain: api imports core, and core's models are imported by api's views.
const base = graphOf(
  "shop.orders.api.views -> shop.orders.core.models",
  "shop.orders.core.models -> shop.orders.core.rules",
  "shop.orders.api.hooks -> shop.orders.api.views lazy",
);

describe("package-cycle", () => {
  it("warns when sibling packages newly depend on each other, with one import per hop", () => {
    const head = graphOf(
      ...specsOf(base),
      "shop.orders.core.signals -> shop.orders.api.hooks lazy",
    );
    const [finding, ...rest] = review(base, head);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: "warning",
      file: "src/shop/orders/core/signals.py",
      line: 4,
      modules: ["shop.orders.core", "shop.orders.api"],
    });
    expect(finding?.message).toContain(
      "shop.orders.core → shop.orders.api → shop.orders.core (imports: shop.orders.core.signals → shop.orders.api.hooks at src/shop/orders/core/signals.py:4 (inside a function), shop.orders.api.views → shop.orders.core.models at src/shop/orders/api/views.py:1)",
    );
  });

  it("stays quiet when the siblings already formed a loop at base", () => {
    const looped = graphOf(...specsOf(base), "shop.orders.core.signals -> shop.orders.api.hooks");
    const head = graphOf(
      ...specsOf(looped),
      "shop.orders.core.rules -> shop.orders.api.views lazy",
    );
    expect(review(looped, head)).toEqual([]);
  });

  it("ignores a loop that only a type-only import closes", () => {
    const head = graphOf(
      ...specsOf(base),
      "shop.orders.core.signals -> shop.orders.api.hooks type-only",
    );
    expect(review(base, head)).toEqual([]);
  });

  it("fires when a TYPE_CHECKING import between siblings starts to run", () => {
    const typed = graphOf(
      ...specsOf(base),
      "shop.orders.core.signals -> shop.orders.api.hooks type-only",
    );
    const head = graphOf(...specsOf(base), "shop.orders.core.signals -> shop.orders.api.hooks");
    expect(review(typed, head)).toHaveLength(1);
  });

  it("is configurable in the config file, off or as an error", () => {
    const head = graphOf(...specsOf(base), "shop.orders.core.signals -> shop.orders.api.hooks");
    const strict = parsePolicy("rules: { package-cycle: error }\n", ".github/archdrift.yml");
    const off = parsePolicy("rules:\n  package-cycle: { level: off }\n", ".github/archdrift.yml");
    if (!strict.ok || !off.ok) throw new Error("the config should parse");
    expect(review(base, head, { ...policyOf(), rules: strict.policy.rules })[0]?.severity).toBe(
      "error",
    );
    expect(review(base, head, { ...policyOf(), rules: off.policy.rules })).toEqual([]);
  });
});

describe("domain-cycle as a real loop", () => {
  it("prints the loop in import order through the new import, each hop backed by an import", () => {
    const domains = graphOf(
      "shop.orders.service -> shop.users.api",
      "shop.users.service -> shop.payments.api",
    );
    const head = graphOf(...specsOf(domains), "shop.payments.worker -> shop.orders.models");
    const finding = evaluateDrift(domains, head, policyOf(), classifierOf()).find(
      (f) => f.rule === "domain-cycle",
    );
    expect(finding).toMatchObject({ modules: ["payments", "orders", "users"], line: 3 });
    expect(finding?.message).toContain(
      "payments → orders → users → payments (imports: shop.payments.worker → shop.orders.models at src/shop/payments/worker.py:3, shop.orders.service → shop.users.api at src/shop/orders/service.py:1, shop.users.service → shop.payments.api at src/shop/users/service.py:2)",
    );
    expect(finding?.edges.map((edge) => edge.line)).toEqual([3, 1, 2]);
  });
});

function specsOf(graph: Graph): string[] {
  return graph.edges.map(
    (edge) => `${edge.from} -> ${edge.to}${edge.kind === "runtime" ? "" : ` ${edge.kind}`}`,
  );
}
