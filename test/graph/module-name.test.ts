import { describe, expect, it } from "vitest";
import { mergeGraphs, moduleName, namespacedId } from "../../src/graph/graph.js";

describe("module names in service namespaces", () => {
  it("writes the namespace before the dotted name, and reads it back", () => {
    const id = namespacedId("order-service", "app.models");
    expect(id).toBe("order-service: app.models");
    expect(moduleName({ id, namespace: "order-service" })).toBe("app.models");
  });

  it("leaves modules outside any namespace as they are", () => {
    expect(namespacedId(undefined, "shop.orders")).toBe("shop.orders");
    expect(moduleName({ id: "shop.orders" })).toBe("shop.orders");
  });

  it("keeps every language's unreviewed files when graphs merge", () => {
    const merged = mergeGraphs([
      { modules: [], edges: [], warnings: [], unreviewed: [{ file: "a-b.py", reason: "x" }] },
      { modules: [], edges: [], warnings: [] },
      { modules: [], edges: [], warnings: [], unreviewed: [{ file: "c.ts", reason: "y" }] },
    ]);
    expect(merged.unreviewed?.map((entry) => entry.file)).toEqual(["a-b.py", "c.ts"]);
    expect(mergeGraphs([{ modules: [], edges: [], warnings: [] }])).not.toHaveProperty(
      "unreviewed",
    );
  });
});
