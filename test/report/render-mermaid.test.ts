import { describe, expect, it } from "vitest";
import type { Edge } from "../../src/graph/graph.js";
import { errorEdgesOf } from "../../src/report/error-edges.js";
import { renderMermaid } from "../../src/report/render-mermaid.js";
import { anEdge, emptyChanged, typicalReport } from "./factories.js";

function nodeIdOf(diagram: string, label: string): string {
  const match = new RegExp(`(n\\d+)\\["${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"\\]`).exec(
    diagram,
  );
  if (!match?.[1]) throw new Error(`no node labelled ${label} in\n${diagram}`);
  return match[1];
}

describe("renderMermaid", () => {
  it("groups modules by domain and highlights new imports behind errors", () => {
    const report = typicalReport();
    const diagram = renderMermaid(report.changed, { errors: errorEdgesOf(report.findings) });
    expect(diagram.startsWith("flowchart LR\n")).toBe(true);
    expect(diagram).toMatch(
      /subgraph d\d\["orders"\]\n {4}n\d+\["shop\.orders\.models"\]\n {4}n\d+\["shop\.orders\.service"\]\n {2}end/,
    );
    const api = nodeIdOf(diagram, "shop.payments.api");
    const service = nodeIdOf(diagram, "shop.orders.service");
    const links = diagram.split("\n").filter((line) => /^ {2}n\d+ \S+ n\d+$/.test(line));
    const closing = links.indexOf(`  ${api} ==> ${service}`);
    expect(closing).toBeGreaterThanOrEqual(0);
    const red = /linkStyle ([\d,]+) stroke:#d73a49/.exec(diagram)?.[1]?.split(",").map(Number);
    expect(red).toContain(closing);
  });

  it("draws removed imports dashed green and context thin", () => {
    const changed = {
      ...emptyChanged,
      removed: [anEdge("a", "b")],
      context: [anEdge("b", "c")],
    };
    const diagram = renderMermaid(changed);
    expect(diagram).toContain("n0 -.-> n1");
    expect(diagram).toContain("n1 --> n2");
    expect(diagram).toContain("linkStyle 0 stroke:#28a745");
    expect(diagram).toContain("linkStyle 1 stroke:#959da5");
  });

  it("gives every module a safe id and quotes its label, escaping quotes", () => {
    const changed = {
      ...emptyChanged,
      added: [anEdge('pkg/we"ird.ts', "@scope/my-lib/index.d.ts"), anEdge("end", "a#b<c>`d`")],
      domains: { 'pkg/we"ird.ts': 'dom"ain' },
    };
    const diagram = renderMermaid(changed);
    const ids = [...diagram.matchAll(/^\s+(\S+)\[/gm)].map((match) => match[1]);
    for (const id of ids) expect(id).toMatch(/^[nd]\d+$/);
    expect(diagram).toContain('["pkg/we#quot;ird.ts"]');
    expect(diagram).toContain('["@scope/my-lib/index.d.ts"]');
    expect(diagram).toContain('["a#35;b#lt;c#gt;#96;d#96;"]');
    expect(diagram).toContain('subgraph d0["dom#quot;ain"]');
    expect(diagram).not.toMatch(/^\s+end\s*-->/m);
    expect(diagram).not.toContain("`");
  });

  it("draws several imports of one pair once", () => {
    const changed = {
      ...emptyChanged,
      added: [anEdge("a", "b", { line: 1 }), anEdge("a", "b", { line: 9 })],
    };
    expect(renderMermaid(changed).match(/==>/g)).toHaveLength(1);
  });

  it("keeps added edges and drops context past the edge cap, and says so", () => {
    const added: Edge[] = Array.from({ length: 150 }, (_, i) => anEdge(`new.m${i}`, `new.t${i}`));
    const context: Edge[] = Array.from({ length: 300 }, (_, i) => anEdge(`old.m${i}`, `old.t${i}`));
    const diagram = renderMermaid({ ...emptyChanged, added, context });
    expect(diagram.match(/==>/g)).toHaveLength(150);
    expect(diagram.match(/ --> /g)).toHaveLength(50);
    expect(diagram).toContain(
      "%% 250 edges not shown (250 context): limit 200 edges, 40,000 characters",
    );
  });

  it("stays under the character cap", () => {
    const long = "x".repeat(300);
    const added: Edge[] = Array.from({ length: 190 }, (_, i) =>
      anEdge(`${long}.m${i}`, `${long}.t${i}`),
    );
    const diagram = renderMermaid({ ...emptyChanged, added }, { maxLength: 40_000 });
    expect(diagram.length).toBeLessThanOrEqual(40_000);
    expect(diagram).toMatch(/%% \d+ edges not shown \(0 context, \d+ added or removed\)/);
  });

  it("draws an empty picture for a PR that changes no import", () => {
    expect(renderMermaid(emptyChanged)).toBe("flowchart LR\n  %% no imports changed\n");
  });
});
