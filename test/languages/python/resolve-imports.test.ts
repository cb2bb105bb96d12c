import { describe, expect, it } from "vitest";
import type { RawImport } from "../../../src/languages/python/raw-import.js";
import { resolveImports } from "../../../src/languages/python/resolve-imports.js";

const modules = new Set([
  "shop",
  "shop.users",
  "shop.orders",
  "shop.orders.models",
  "shop.orders.service",
  "shop.payments",
  "shop.payments.api",
]);

function raw(overrides: Partial<RawImport>): RawImport {
  return {
    kind: "from",
    module: "",
    level: 0,
    names: [],
    line: 1,
    text: "from x import y",
    edgeKind: "runtime",
    ...overrides,
  };
}

function targets(statement: RawImport, fromModule: string, isPackage = false): string[] {
  const { edges } = resolveImports([statement], fromModule, isPackage, modules, "f.py");
  return edges.map((edge) => edge.to);
}

describe("resolveImports", () => {
  it("import falls back one level only", () => {
    const importOf = (module: string) => raw({ kind: "import", module });
    expect(targets(importOf("shop.payments.api"), "shop.users")).toEqual(["shop.payments.api"]);
    expect(targets(importOf("shop.payments.api.Thing"), "shop.users")).toEqual([
      "shop.payments.api",
    ]);
    expect(targets(importOf("shop.payments.api.Thing.x"), "shop.users")).toEqual([]);
    expect(targets(importOf("requests"), "shop.users")).toEqual([]);
  });

  it("relative imports from a package's __init__ start at the package itself", () => {
    expect(targets(raw({ level: 1, names: ["models"] }), "shop.orders", true)).toEqual([
      "shop.orders.models",
    ]);
    expect(targets(raw({ level: 2, names: ["users"] }), "shop.orders", true)).toEqual([
      "shop.users",
    ]);
    expect(targets(raw({ level: 1, module: "payments", names: ["api"] }), "shop", true)).toEqual([
      "shop.payments.api",
    ]);
  });

  it("relative imports climbing above the top-level package warn and give no edge", () => {
    const climbing = raw({ level: 2, names: ["x"], line: 7, text: "from .. import x" });
    expect(resolveImports([climbing], "shop", true, modules, "src/shop/__init__.py")).toEqual({
      edges: [],
      warnings: [
        {
          file: "src/shop/__init__.py",
          line: 7,
          message: "relative import climbs above the source root: from .. import x",
        },
      ],
    });
    expect(targets(raw({ level: 1, names: ["x"] }), "setup")).toEqual([]);
  });

  it("several names: one edge per distinct target", () => {
    const statement = raw({ module: "shop.payments", names: ["api", "charge", "refund", "api"] });
    expect(targets(statement, "shop.users")).toEqual(["shop.payments.api", "shop.payments"]);
  });

  it("self-imports are dropped", () => {
    expect(targets(raw({ level: 1, names: ["helper"] }), "shop.orders", true)).toEqual([]);
    expect(targets(raw({ kind: "import", module: "shop.users" }), "shop.users")).toEqual([]);
  });

  it("keeps kind, text, line and suppression", () => {
    const suppression = { rules: ["*"], reason: "r", line: 3 };
    const statement = raw({
      module: "shop",
      names: ["users"],
      line: 4,
      text: "from shop import users",
      edgeKind: "type-only",
      suppression,
    });
    expect(resolveImports([statement], "shop.orders.models", false, modules, "m.py").edges).toEqual(
      [
        {
          from: "shop.orders.models",
          to: "shop.users",
          file: "m.py",
          line: 4,
          text: "from shop import users",
          kind: "type-only",
          suppression,
        },
      ],
    );
  });
});
