import { describe, expect, it } from "vitest";
import type { Graph } from "../../src/graph/graph.js";
import {
  renderGraphDot,
  renderGraphJson,
  renderGraphMermaid,
} from "../../src/report/render-graph.js";
import { anEdge } from "./factories.js";

const graph: Graph = {
  modules: [
    { id: "shop.orders", path: "src/shop/orders/__init__.py", language: "python" },
    { id: "shop.payments", path: "src/shop/payments/__init__.py", language: "python" },
    { id: 'we"ird', path: "src/weird.py", language: "python" },
  ],
  edges: [
    anEdge("shop.orders", "shop.payments", { file: "src/shop/orders/__init__.py", line: 3 }),
    anEdge("shop.orders", "shop.payments", {
      file: "src/shop/orders/__init__.py",
      line: 9,
      kind: "type-only",
    }),
    anEdge("shop.payments", 'we"ird', { line: 4, kind: "lazy" }),
  ],
  warnings: [],
};

describe("renderGraph", () => {
  it("writes every module and every import as JSON", () => {
    const json = JSON.parse(renderGraphJson(graph)) as {
      modules: unknown[];
      edges: Record<string, unknown>[];
    };
    expect(json.modules).toHaveLength(3);
    expect(json.edges).toHaveLength(2 + 1);
    expect(json.edges[1]).toMatchObject({
      from: "shop.orders",
      to: "shop.payments",
      line: 9,
      kind: "type-only",
    });
  });

  it("names a service module's namespace and lists the files it did not review", () => {
    const services: Graph = {
      modules: [
        {
          id: "order-service: app.models",
          path: "services/order-service/app/models.py",
          language: "python",
          namespace: "order-service",
        },
      ],
      edges: [],
      warnings: [],
      unreviewed: [
        { file: "tools/v1.2_fix.py", reason: "its path is not an importable module name" },
      ],
    };
    const json = JSON.parse(renderGraphJson(services)) as {
      modules: unknown[];
      unreviewed: unknown[];
    };
    expect(json.modules).toEqual([
      {
        id: "order-service: app.models",
        path: "services/order-service/app/models.py",
        language: "python",
        namespace: "order-service",
      },
    ]);
    expect(json.unreviewed).toEqual([
      { file: "tools/v1.2_fix.py", reason: "its path is not an importable module name" },
    ]);
    expect(JSON.parse(renderGraphJson(graph))).toMatchObject({ unreviewed: [] });
  });

  it("draws DOT with type-only dashed, lazy dotted and file:line labels", () => {
    const dot = renderGraphDot(graph);
    expect(dot.startsWith("digraph archdrift {\n")).toBe(true);
    expect(dot).toContain(
      '"shop.orders" -> "shop.payments" [style=solid, label="src/shop/orders/__init__.py:3"',
    );
    expect(dot).toContain('[style=dashed, label="src/shop/orders/__init__.py:9 (type-only)"');
    expect(dot).toContain('"shop.payments" -> "we\\"ird" [style=dotted');
  });

  it("draws Mermaid with safe ids and every import labelled", () => {
    const mermaid = renderGraphMermaid(graph);
    expect(mermaid).toContain('n0["shop.orders"]');
    expect(mermaid).toContain('n2["we#quot;ird"]');
    expect(mermaid).toContain('n0 -->|"src/shop/orders/__init__.py:3"| n1');
    expect(mermaid).toContain('n0 -.->|"src/shop/orders/__init__.py:9 (type-only)"| n1');
  });
});
