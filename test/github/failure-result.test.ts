import { describe, expect, it } from "vitest";
import { failureResult } from "../../src/github/failure-result.js";
import { GitCommandError } from "../../src/workspace/run-git.js";

const diskFullTitle = "archdrift's disk is full";
const genericTitle = "archdrift could not complete the review";

describe("failureResult", () => {
  it("reads a full disk from git's stderr, from Node's code and from a cause", () => {
    const git = new GitCommandError("fetch", 128, "fatal: write error: No space left on device");
    const node = Object.assign(new Error("write failed"), { code: "ENOSPC" });
    const wrapped = new Error("could not save the graph", { cause: node });
    for (const error of [git, node, wrapped]) {
      const result = failureResult(error);
      expect(result.conclusion).toBe("failure");
      expect(result.title).toBe(diskFullTitle);
      expect(result.summary).toMatch(/ran out of disk space/);
      expect(result.summary).toContain("ARCHDRIFT_DATA_DIR");
    }
  });

  it("keeps the generic result, bounded, for any other error or thrown value", () => {
    const long = failureResult(new Error(`boom ${"x".repeat(5000)}`));
    expect(long.title).toBe(genericTitle);
    expect(long.summary).toContain(`boom ${"x".repeat(1995)}\n`);
    expect(long.summary).not.toContain("x".repeat(1996));
    expect(failureResult("a string").summary).toContain("a string");
    expect(failureResult(new GitCommandError("fetch", 128, "early EOF")).title).toBe(genericTitle);
  });
});
