import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/drift/finding.js";
import { renderMarkdown } from "../../src/report/render-markdown.js";
import { aFinding, anEdge, aReport, typicalReport } from "./factories.js";

function manyFindings(count: number): Finding[] {
  return Array.from({ length: count }, (_, index) =>
    aFinding({
      rule: "layer-violation",
      severity: "error",
      message: `shop.core.module${index} imports shop.api.views${index}: lower layers may not import higher ones`,
      file: `src/shop/core/module${index}.py`,
      line: index + 1,
      modules: [`shop.core.module${index}`, `shop.api.views${index}`],
      edges: [anEdge(`shop.core.module${index}`, `shop.api.views${index}`)],
      fingerprint: `layer-violation:${index}`,
    }),
  );
}

describe("renderMarkdown", () => {
  it("leads with the verdict, then counts by rule", () => {
    const markdown = renderMarkdown(typicalReport());
    expect(
      markdown.startsWith("### ❌ 2 errors, 1 warning — this PR adds architecture drift\n"),
    ).toBe(true);
    expect(markdown).toContain("| ❌ | `new-cycle` | 1 | New import cycle |");
    expect(markdown).toContain(
      "| ⚠️ | `new-domain-coupling` | 1 | New dependency between domains |",
    );
  });

  it("has a findings row per finding with icon, rule, file:line and message", () => {
    expect(renderMarkdown(typicalReport())).toContain(
      "| ❌ | `layer-violation` | `src/shop/core/pricing.py:4` | shop.core.pricing (layer core) imports shop.api.views (layer api): lower layers may not import higher ones |",
    );
  });

  it("shows each cycle in import order and each hint", () => {
    const markdown = renderMarkdown(typicalReport());
    expect(markdown).toContain(
      "  - cycle: `shop.payments.api → shop.orders.service → shop.orders.models → shop.payments.api`",
    );
    expect(markdown).toContain("  - hint: Return data from core and let the api layer render it.");
  });

  it("draws the changed neighbourhood and puts existing drift in a collapsed details", () => {
    const markdown = renderMarkdown(typicalReport());
    expect(markdown).toContain("```mermaid\nflowchart LR\n");
    expect(markdown).toMatch(/<details><summary>Drift that already exists at base: 2 findings/);
    expect(markdown).toContain("#### ✅ Improvements");
    expect(markdown).toContain(
      "- `src/shop/legacy.py:5`: relative import climbs above the root: from ... import x",
    );
    expect(markdown).toContain("Reviewed 120 modules, 340 edges in 1.2 s");
  });

  it("says no drift without empty tables", () => {
    const markdown = renderMarkdown(aReport());
    expect(markdown.startsWith("### ✅ no new architecture drift\n")).toBe(true);
    expect(markdown).not.toContain("| Rule |");
    expect(markdown).not.toContain("```mermaid");
  });

  it("escapes pipes, backticks and HTML from messages so the table holds", () => {
    const finding = aFinding({
      message: "a|b uses `eval` and <img src=x>",
      file: "src/odd|name.py",
      importText: "import `x`",
    });
    const markdown = renderMarkdown(aReport({ findings: [finding] }));
    const row = markdown
      .split("\n")
      .find((line) => line.startsWith("| ⚠️ | `new-domain-coupling` | `src"));
    expect(row).toBe(
      "| ⚠️ | `new-domain-coupling` | `src/odd\\|name.py:3` | a\\|b uses \\`eval\\` and &lt;img src=x&gt; |",
    );
    expect(markdown).toContain(": `` import `x` ``");
  });

  it("sets a word GitHub would link in a code span, pipes and punctuation outside it", () => {
    const finding = aFinding({ message: "(see @acme/ui|#12, www.x.example)." });
    const row = renderMarkdown(aReport({ findings: [finding] }))
      .split("\n")
      .find((line) => line.includes("(see"));
    expect(row).toContain("| (see `@acme/ui`\\|`#12`, `www.x.example`). |");
  });

  it("renders a name of 300,000 backtick runs (the longest line a file may hold)", () => {
    // Shown failing before the fix: the longest run was found with Math.max(...runs), which
    // overflowed the stack, so one long import line crashed the whole check run.
    const finding = aFinding({
      importText: "import `a".repeat(300_000),
      message: "@x ".repeat(50_000),
    });
    const markdown = renderMarkdown(aReport({ findings: [finding] }), { maxLength: 10_000_000 });
    expect(markdown).toContain(": ``import `a");
    expect(markdown).not.toContain(" @x ");
  });

  it("stays under the limit with 2,000 findings and says how many were cut", () => {
    const report = aReport({ findings: manyFindings(2000), existing: manyFindings(500) });
    const markdown = renderMarkdown(report);
    expect(markdown.length).toBeLessThanOrEqual(65_535);
    expect(markdown.startsWith("### ❌ 2,000 errors — this PR adds architecture drift")).toBe(true);
    const shownRows = markdown
      .split("\n")
      .filter((line) => line.startsWith("| ❌ | `layer-violation` | `src")).length;
    expect(shownRows).toBeGreaterThan(100);
    expect(markdown).toContain(
      `… ${(2000 - shownRows).toLocaleString("en-US")} more findings not shown (limit 65,535 characters)`,
    );
    expect(markdown.trimEnd().endsWith("existing drift (500).")).toBe(true);
    expect(markdown).toContain("Reviewed 120 modules, 340 edges in 1.2 s");
  });

  it("cuts whole rows only, also under a small custom limit", () => {
    const markdown = renderMarkdown(aReport({ findings: manyFindings(50) }), { maxLength: 3000 });
    expect(markdown.length).toBeLessThanOrEqual(3000);
    const rows = markdown
      .split("\n")
      .filter((line) => line.startsWith("| ❌ | `layer-violation` | `src"));
    for (const row of rows) expect(row.endsWith(" |")).toBe(true);
    expect(markdown).toContain(
      `… ${50 - rows.length} more findings not shown (limit 3,000 characters)`,
    );
  });

  it("names other cut sections when every finding fits", () => {
    const existing = manyFindings(300);
    const markdown = renderMarkdown(aReport({ findings: manyFindings(3), existing }), {
      maxLength: 8000,
    });
    expect(markdown.length).toBeLessThanOrEqual(8000);
    expect(markdown).not.toContain("more findings not shown");
    expect(markdown).toMatch(
      /… left out \(limit 8,000 characters\): \d+ more items of existing drift\./,
    );
  });
});
