import { describe, expect, it } from "vitest";
import { renderAnnotations } from "../../src/report/render-annotations.js";
import {
  fingerprintsOf,
  renderResolvedComment,
  renderReviewComment,
  resolvedMarker,
} from "../../src/report/render-review-comment.js";
import { aFinding } from "./factories.js";

describe("review comments", () => {
  it("carries every fingerprint on the line, hidden, and survives a round trip", () => {
    const cycle = aFinding({
      rule: "new-cycle",
      fingerprint: "new-cycle:a->b",
      modules: ["a", "b"],
    });
    const domains = aFinding({ rule: "domain-cycle", fingerprint: "domain-cycle:x,y" });
    const body = renderReviewComment([cycle, domains]);
    expect(fingerprintsOf(body)).toEqual(["new-cycle:a->b", "domain-cycle:x,y"]);
    expect(body).toContain("*Why:*");
    expect(body).toContain("*Fix:*");
    expect(body).toContain("a → b → a");
  });

  it("keeps the fingerprints when marking a comment resolved", () => {
    const body = renderReviewComment([aFinding({ fingerprint: "layer-violation:a->b" })]);
    const resolved = renderResolvedComment(body, "0123456789abcdef");
    expect(resolved).toContain("resolved at 0123456");
    expect(resolved).toContain(resolvedMarker);
    expect(fingerprintsOf(resolved)).toEqual(["layer-violation:a->b"]);
  });
});

describe("annotations", () => {
  it("maps severities to annotation levels and leaves out suppressed findings and improvements", () => {
    const annotations = renderAnnotations([
      aFinding({ severity: "error", file: "a.py", line: 3 }),
      aFinding({ severity: "warning", file: "b.py", line: 4 }),
      aFinding({ severity: "error", suppressed: { reason: "ok", by: "inline" } }),
      aFinding({ rule: "cycle-broken", severity: "info" }),
    ]);
    expect(
      annotations.map((annotation) => [
        annotation.path,
        annotation.start_line,
        annotation.annotation_level,
      ]),
    ).toEqual([
      ["a.py", 3, "failure"],
      ["b.py", 4, "warning"],
    ]);
  });
});
