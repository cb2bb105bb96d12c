import { describe, expect, it } from "vitest";
import { failureResult } from "../../src/github/failure-result.js";
import { ParseTimeoutError } from "../../src/languages/python/parse-timeout-error.js";
import { markdownQuotes } from "../../src/report/markdown-text.js";
import { ConfigProblem } from "../../src/review/config-problem.js";
import { unreviewable } from "../../src/review/unreviewable.js";
import { GitCommandError } from "../../src/workspace/run-git.js";
import { githubProse } from "../support/github-prose.js";

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

  it("quotes an error that holds a path from the pull request without letting it out", () => {
    const path = "src/x.py\n```\n@acme/security-team see #1 [here](https://evil.example)\u202e";
    const { summary } = failureResult(new Error(`could not read ${path}`));
    expect(githubProse(summary)).toEqual({
      mentions: [],
      references: [],
      links: [],
      hiddenCharacters: [],
    });
    expect(summary).toContain("@acme/security-team");
  });
});

describe("a review stopped for good, as the check run says it", () => {
  it("sets names from the pull request in code spans and its config's words inert", () => {
    const path = "src/`@acme/ui`_table.py";
    const timeout = unreviewable(new ParseTimeoutError(50, path), markdownQuotes);
    expect(timeout?.details).toContain(
      "parsing ``src/`@acme/ui`_table.py`` took longer than 50 ms",
    );
    const config = unreviewable(
      new ConfigProblem([
        {
          file: ".github/archdrift.yml",
          line: 3,
          message: "domain @acme/ui (#12) matches nothing",
        },
      ]),
      markdownQuotes,
    );
    for (const result of [timeout, config]) {
      const prose = githubProse(result?.details ?? "");
      expect([...prose.mentions, ...prose.references, ...prose.links]).toEqual([]);
    }
  });
});
