import { describe, expect, it } from "vitest";
import { extractPythonFile } from "../../../src/languages/python/extract-python.js";
import { scanPythonSource } from "../../../src/languages/python/scan-python-source.js";
import { brief, service, serviceGraph } from "./python-fixture.js";

describe("Python extractor edge cases", () => {
  it("from __future__ imports are not edges", async () => {
    const graph = await serviceGraph("from __future__ import annotations\nimport shop.users\n");
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.users", line: 2, kind: "runtime" },
    ]);
  });

  it("if not TYPE_CHECKING: the body runs, the else is type-only", async () => {
    const source = [
      "if not TYPE_CHECKING:",
      "    import shop.users",
      "else:",
      "    import shop.payments.api",
    ].join("\n");
    expect(brief((await serviceGraph(source)).edges)).toEqual([
      { from: service, to: "shop.users", line: 2, kind: "runtime" },
      { from: service, to: "shop.payments.api", line: 4, kind: "type-only" },
    ]);
  });

  it("a lazy import inside a function, and nested under with/for/match, keeps its kind", async () => {
    const source = [
      "def f():",
      "    lazy import shop.users",
      "with lock:",
      "    for x in y:",
      "        match x:",
      "            case 1:",
      "                import shop.payments.api",
      "@decorator",
      "async def g():",
      "    import shop.orders.models",
    ].join("\n");
    const graph = await serviceGraph(source);
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.users", line: 2, kind: "lazy" },
      { from: service, to: "shop.payments.api", line: 7, kind: "runtime" },
      { from: service, to: "shop.orders.models", line: 10, kind: "lazy" },
    ]);
    expect(graph.warnings).toEqual([]);
  });

  it("a broken import statement gives no edge rather than a wrong one", async () => {
    const graph = await serviceGraph("from shop import (users,\nimport shop.payments.api\n");
    expect(graph.edges.map((edge) => edge.to)).not.toContain("shop.payments.api");
    expect(graph.warnings[0]?.message).toMatch(/^syntax error/);
  });

  it("a file with a NUL character keeps the imports after it", async () => {
    const graph = await serviceGraph('x = "a\0b"\nimport shop.users\n');
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.users", line: 2, kind: "runtime" },
    ]);
  });

  it("invalid UTF-8 decoded to U+FFFD does not stop the scan", async () => {
    const text = new TextDecoder().decode(
      new Uint8Array([
        ...Buffer.from('x = "'),
        0xff,
        0xfe,
        ...Buffer.from('"\nimport shop.users\n'),
      ]),
    );
    expect(text).toContain("\uFFFD");
    const graph = await serviceGraph(`${text}# caf\uFFFD\nfrom shop.payments import api\n`);
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.users", line: 2, kind: "runtime" },
      { from: service, to: "shop.payments.api", line: 4, kind: "runtime" },
    ]);
    expect(graph.warnings).toEqual([]);
  });

  it("a 5,000-line file is scanned whole and quickly", async () => {
    const lines = Array.from({ length: 5000 }, (_, i) =>
      i % 1000 === 999 ? "from shop import users" : `def f${i}(x): return x + ${i}`,
    );
    const source = lines.join("\n");
    expect(source.split("\n")).toHaveLength(5000);
    const started = performance.now();
    const graph = await serviceGraph(source);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(graph.edges.map((edge) => edge.line)).toEqual([1000, 2000, 3000, 4000, 5000]);
  });

  it("the per-file scan is plain data that survives a JSON round trip", async () => {
    const scan = await scanPythonSource(
      "if TYPE_CHECKING:\n    from .models import Order  # archdrift: ignore[new-cycle] typing only\n",
    );
    expect(JSON.parse(JSON.stringify(scan))).toEqual(scan);
    expect(scan).toEqual({
      imports: [
        {
          kind: "from",
          module: "models",
          level: 1,
          names: ["Order"],
          line: 2,
          text: "from .models import Order",
          edgeKind: "type-only",
          suppression: { rules: ["new-cycle"], reason: "typing only", line: 2 },
        },
      ],
      warnings: [],
    });
  });

  it("extractPythonFile re-extracts one file against a known module set", async () => {
    const result = await extractPythonFile(
      { path: "src/shop/orders/__init__.py", text: "from . import models\nfrom .. import users\n" },
      { id: "shop.orders", isPackage: true },
      new Set(["shop", "shop.orders", "shop.orders.models", "shop.users"]),
    );
    expect(brief(result.edges)).toEqual([
      { from: "shop.orders", to: "shop.orders.models", line: 1, kind: "runtime" },
      { from: "shop.orders", to: "shop.users", line: 2, kind: "runtime" },
    ]);
    expect(result.warnings).toEqual([]);
  });
});
