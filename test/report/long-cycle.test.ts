import { describe, expect, it } from "vitest";
import { evaluateDrift } from "../../src/drift/evaluate-drift.js";
import type { Graph } from "../../src/graph/graph.js";
import { renderAnnotations } from "../../src/report/render-annotations.js";
import { renderMarkdown } from "../../src/report/render-markdown.js";
import { renderReviewComment } from "../../src/report/render-review-comment.js";
import { renderText } from "../../src/report/render-text.js";
import { classifierOf, graphOf, policyOf } from "../drift/drift-fixtures.js";
import { aReport } from "./factories.js";

/** A chain of 10,000 modules at base; the head closes it into one loop. */
function ring(size: number, closed: boolean): Graph {
  const name = (index: number) => `shop.ring.module_with_a_long_name_${index}`;
  const specs = Array.from(
    { length: size - 1 },
    (_, index) => `${name(index)} -> ${name(index + 1)}`,
  );
  return graphOf(...specs, ...(closed ? [`${name(size - 1)} -> ${name(0)}`] : []));
}

describe("a cycle of 10,000 modules", () => {
  const findings = evaluateDrift(
    ring(10_000, false),
    ring(10_000, true),
    policyOf(),
    classifierOf(),
  );
  const report = aReport({ findings });
  const finding = findings[0]!;

  it("is cut in the middle of its message, and keeps every hop in its edges", () => {
    expect(findings).toHaveLength(1);
    expect(finding.rule).toBe("new-cycle");
    expect(finding.message.length).toBeLessThan(4_000);
    expect(finding.message).toContain("→ … 9,990 more … →");
    expect(finding.modules).toHaveLength(10_000);
    expect(finding.edges).toHaveLength(10_000);
  });

  it("keeps its only finding, file and line in the check run's markdown", () => {
    const markdown = renderMarkdown(report);
    expect(markdown.length).toBeLessThanOrEqual(65_535);
    expect(markdown).not.toContain("more findings not shown");
    expect(markdown).toContain(`${finding.file}:${finding.line}`);
    expect(markdown).toContain("9,990 more");
  });

  it("fits in the terminal, an annotation and a review comment", () => {
    const text = renderText(report, { color: false });
    expect(text).toContain(`${finding.file}:${finding.line}`);
    expect(text.length).toBeLessThan(10_000);
    const [annotation] = renderAnnotations(findings);
    expect(annotation?.message.length).toBeLessThan(10_000);
    expect(annotation?.message).toContain("9,990 more");
    expect(annotation?.title).toBe("new-cycle: New import-time cycle");
    expect(renderReviewComment(findings).length).toBeLessThan(10_000);
  });
});
