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
    expect(finding?.message).toContain("New cycle through imports inside functions");
    expect(finding?.title).toBe("New cycle through imports inside functions (not at import time)");
    expect(finding?.message).toContain(
      "shop.orders.b → shop.orders.a at src/shop/orders/b.py:2 (inside a function)",
    );
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
  // A big component held together by lazy imports, as real projects have: a ⇄ b, c → a.
  const base = graphOf(
    "shop.orders.a -> shop.orders.b",
    "shop.orders.b -> shop.orders.a lazy",
    "shop.orders.c -> shop.orders.a",
    "shop.orders.d -> shop.orders.a",
  );

  it("names the module pulled into an existing cycle, the import that did it and the sizes", () => {
    const head = graphOf(
      "shop.orders.a -> shop.orders.b",
      "shop.orders.b -> shop.orders.a lazy",
      "shop.orders.c -> shop.orders.a",
      "shop.orders.d -> shop.orders.a",
      "shop.orders.b -> shop.orders.c lazy",
    );
    const [finding, ...rest] = review(base, head);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "grown-cycle", severity: "warning", line: 5 });
    expect(finding?.message).toContain("through imports inside functions");
    expect(finding?.message).toContain("from 2 to 3 modules");
    expect(finding?.message).toContain(
      "shop.orders.c joined through shop.orders.b → shop.orders.c at src/shop/orders/b.py:5",
    );
  });

  it("never blames a new import that did not pull the newcomer in", () => {
    const wider = graphOf(
      ...specs(base),
      "shop.orders.b -> shop.orders.e",
      "shop.orders.e -> shop.orders.a lazy",
    );
    const head = graphOf(
      ...specs(wider),
      "shop.orders.a -> shop.orders.e lazy",
      "shop.orders.b -> shop.orders.d lazy",
      "shop.orders.x -> shop.orders.y",
    );
    const [finding, ...rest] = review(wider, head);
    expect(rest).toEqual([]);
    expect(finding?.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual([
      "shop.orders.b->shop.orders.d",
    ]);
    expect(finding?.message).toContain("from 3 to 4 modules");
  });

  it("says when the import that pulled a newcomer in left its if TYPE_CHECKING: block", () => {
    const typed = graphOf(...specs(base), "shop.orders.b -> shop.orders.c type-only");
    const head = graphOf(...specs(base), "shop.orders.b -> shop.orders.c lazy");
    const [finding] = review(typed, head);
    expect(finding?.rule).toBe("grown-cycle");
    expect(finding?.message).toContain(
      "What changed: src/shop/orders/b.py:5: this import left its if TYPE_CHECKING: block and now runs inside a function",
    );
  });

  it("stays quiet about a new lazy import between two members of the component", () => {
    const head = graphOf(
      "shop.orders.a -> shop.orders.b",
      "shop.orders.b -> shop.orders.a lazy",
      "shop.orders.c -> shop.orders.a",
      "shop.orders.d -> shop.orders.a",
      "shop.orders.a -> shop.orders.b lazy",
    );
    expect(review(base, head)).toEqual([]);
  });
});

describe("import-time cycles inside a component of lazy imports", () => {
  // One component through a lazy import; a ⇄ b already loop at import time inside it.
  const base = graphOf(
    "shop.orders.a -> shop.orders.b",
    "shop.orders.b -> shop.orders.a",
    "shop.orders.b -> shop.orders.c",
    "shop.orders.c -> shop.orders.d",
    "shop.orders.d -> shop.orders.a lazy",
    "shop.orders.d -> shop.orders.c type-only",
  );

  it("fires new-cycle when a new module-level import closes a loop among members", () => {
    const head = graphOf(...specs(base), "shop.orders.c -> shop.orders.b");
    const [finding, ...rest] = review(base, head);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "new-cycle", severity: "error", line: 7 });
    expect(finding?.message).toContain(
      "New import-time cycle: shop.orders.c → shop.orders.b → shop.orders.c",
    );
    expect(finding?.message).toContain(
      "shop.orders.c imports shop.orders.b while shop.orders.b is still initialising",
    );
    expect(finding?.message).toContain("shop.orders.b → shop.orders.c at src/shop/orders/b.py:3");
    expect(finding?.message).toContain("grew from 2 to 3 modules");
  });

  it("says how an ES module loop fails, not Python's ImportError", () => {
    const asTypeScript = (graph: ReturnType<typeof graphOf>) => ({
      ...graph,
      modules: graph.modules.map((module) => ({ ...module, language: "typescript" as const })),
    });
    const head = graphOf(...specs(base), "shop.orders.c -> shop.orders.b");
    const [finding] = review(asTypeScript(base), asTypeScript(head));
    expect(finding?.rule).toBe("new-cycle");
    expect(finding?.message).toContain("ReferenceError");
    expect(finding?.message).not.toContain("ImportError");
  });

  it("fires when an import leaves if TYPE_CHECKING:, and says so", () => {
    const head = graphOf(...specs(base).slice(0, 5), "shop.orders.d -> shop.orders.c");
    const [finding, ...rest] = review(base, head);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "new-cycle", severity: "error" });
    expect(finding?.message).toContain(
      "New import-time cycle: shop.orders.d → shop.orders.c → shop.orders.d",
    );
    expect(finding?.message).toContain("left its if TYPE_CHECKING: block");
  });

  it("fires when an import moves from a function to module level, and says so", () => {
    const head = graphOf(
      ...specs(base).slice(0, 4),
      "shop.orders.d -> shop.orders.a",
      specs(base)[5]!,
    );
    const [finding, ...rest] = review(base, head);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "new-cycle", severity: "error", line: 5 });
    expect(finding?.message).toContain("moved from inside a function to module level");
  });

  it("reports cycle-broken when the import-time loop is broken but the component stays", () => {
    const head = graphOf(
      "shop.orders.a -> shop.orders.b",
      "shop.orders.b -> shop.orders.a lazy",
      ...specs(base).slice(2),
    );
    const [finding, ...rest] = review(base, head);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "cycle-broken", severity: "info", line: 2 });
    expect(finding?.message).toContain("Import-time cycle broken");
    expect(finding?.message).toContain("now runs inside a function");
  });
});

function specs(graph: ReturnType<typeof graphOf>): string[] {
  return graph.edges.map(
    (edge) => `${edge.from} -> ${edge.to}${edge.kind === "runtime" ? "" : ` ${edge.kind}`}`,
  );
}

describe("inline suppression of a loop", () => {
  it("is honoured at the import the finding points at, not at an old hop of the loop", () => {
    const accepted = { rules: ["new-cycle"], reason: "accepted long ago", line: 1 };
    const base = graphOf("shop.orders.a -> shop.orders.b");
    const old = { ...base.edges[0]!, suppression: accepted };
    const before = { ...base, edges: [old] };
    const head = graphOf("shop.orders.a -> shop.orders.b", "shop.orders.b -> shop.orders.a");
    const closing = head.edges[1]!;
    const [unaccepted] = review(before, { ...head, edges: [old, closing] });
    expect(unaccepted).toMatchObject({ rule: "new-cycle" });
    expect(unaccepted?.suppressed).toBeUndefined();
    const atClosing = { ...closing, suppression: { ...accepted, line: 2 } };
    const [finding] = review(before, { ...head, edges: [old, atClosing] });
    expect(finding?.suppressed).toEqual({ reason: "accepted long ago", by: "inline" });
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
