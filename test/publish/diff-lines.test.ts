import { describe, expect, it } from "vitest";
import { commentableLines } from "../../src/publish/diff-lines.js";

describe("commentableLines", () => {
  it("returns the head-side lines of every hunk: added and context, not removed", () => {
    const patch = [
      "@@ -1,3 +1,4 @@",
      " import os",
      "-import sys",
      "+import shop.api",
      "+import shop.models",
      " x = 1",
      "@@ -20,2 +21,2 @@ def f():",
      "-    return 1",
      "+    return 2",
      "\\ No newline at end of file",
    ].join("\n");
    expect([...commentableLines(patch)]).toEqual([1, 2, 3, 4, 21]);
  });

  it("has no lines for a file GitHub sends without a patch", () => {
    expect(commentableLines(undefined).size).toBe(0);
  });
});
