import { describe, expect, it } from "vitest";
import { evaluateDrift } from "../../src/drift/evaluate-drift.js";
import { classifierOf, graphOf, policyOf } from "./drift-fixtures.js";

const review = (base: ReturnType<typeof graphOf>, head: ReturnType<typeof graphOf>) =>
  evaluateDrift(base, head, policyOf(), classifierOf());

describe("new-cycle", () => {
  it("reports a cycle the head closes, in import order, at the closing import", () => {
    const base = graphOf("shop.orders.a -> shop.orders.b", "shop.orders.b -> shop.orders.c");
    const head = graphOf(
      "shop.orders.a -> shop.orders.b",
      "shop.orders.b -> shop.orders.c",
      "shop.orders.c -> shop.orders.a",
    );
    const [finding, ...rest] = review(base, head);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: "new-cycle",
      severity: "error",
      file: "src/shop/orders/c.py",
      line: 3,
      modules: ["shop.orders.c", "shop.orders.a", "shop.orders.b"],
    });
    expect(finding?.message).toContain(
      "shop.orders.c → shop.orders.a → shop.orders.b → shop.orders.c",
    );
  });

  it("stays silent about a cycle that already existed at base", () => {
    const both = graphOf("shop.orders.a -> shop.orders.b", "shop.orders.b -> shop.orders.a");
    const head = graphOf(
      "shop.orders.a -> shop.orders.b",
      "shop.orders.b -> shop.orders.a",
      "shop.orders.b -> shop.orders.c",
    );
    expect(review(both, head)).toEqual([]);
  });

  it("does not count type-only imports as a runtime cycle", () => {
    const base = graphOf("shop.orders.a -> shop.orders.b");
    const head = graphOf(
      "shop.orders.a -> shop.orders.b",
      "shop.orders.b -> shop.orders.a type-only",
    );
    expect(review(base, head)).toEqual([]);
  });

  it("tells a lazy cycle apart and rates it a warning", () => {
    const base = graphOf("shop.orders.a -> shop.orders.b");
    const head = graphOf("shop.orders.a -> shop.orders.b", "shop.orders.b -> shop.orders.a lazy");
    const [finding] = review(base, head);
    expect(finding).toMatchObject({ rule: "new-cycle", severity: "warning" });
    expect(finding?.message).toContain("lazy");
  });

  it("reports a module that imports itself", () => {
    const head = graphOf("shop.orders.a -> shop.orders.a");
    expect(review(graphOf(), head)[0]).toMatchObject({
      rule: "new-cycle",
      modules: ["shop.orders.a"],
    });
  });
});

describe("grown-cycle", () => {
  it("names the module pulled into an existing cycle and the imports that did it", () => {
    const base = graphOf(
      "shop.orders.a -> shop.orders.b",
      "shop.orders.b -> shop.orders.a",
      "shop.orders.c -> shop.orders.a",
    );
    const head = graphOf(
      "shop.orders.a -> shop.orders.b",
      "shop.orders.b -> shop.orders.a",
      "shop.orders.c -> shop.orders.a",
      "shop.orders.b -> shop.orders.c",
    );
    const [finding, ...rest] = review(base, head);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: "grown-cycle",
      severity: "warning",
      modules: ["shop.orders.b", "shop.orders.c", "shop.orders.a"],
      line: 4,
    });
    expect(finding?.message).toContain("shop.orders.c joined an existing cycle, now 3 modules");
  });
});

describe("cycle-broken", () => {
  it("reports a removed cycle as good news", () => {
    const base = graphOf("shop.orders.a -> shop.orders.b", "shop.orders.b -> shop.orders.a");
    const head = graphOf("shop.orders.a -> shop.orders.b");
    const [finding] = review(base, head);
    expect(finding).toMatchObject({ rule: "cycle-broken", severity: "info", line: 2 });
  });
});
