import { describe, expect, it } from "vitest";
import { runExclusive } from "../../src/workspace/run-exclusive.js";
import { GitCommandError, runGit } from "../../src/workspace/run-git.js";
import { initRepo } from "../../src/workspace/scratch-repo.js";
import { scrubError, scrubSecrets } from "../../src/workspace/scrub-secrets.js";
import { useTempDirs } from "./temp-dir.js";

const tempDir = useTempDirs();

describe("runGit", () => {
  it("blanks secrets out of git's error messages", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    const secret = "ghs_SecretThatGitEchoes";
    const failure = await runGit(dir, ["cat-file", "-e", `${secret}^{commit}`], {
      secrets: [secret],
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GitCommandError);
    expect((failure as GitCommandError).message).toContain("***");
    expect((failure as GitCommandError).message).not.toContain(secret);
  });

  it("passes extra config through the environment, not argv", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    const value = await runGit(dir, ["config", "--get", "http.https://example.com/.extraheader"], {
      extraConfig: { "http.https://example.com/.extraheader": "X-Test: 1" },
    });
    expect(value.trim()).toBe("X-Test: 1");
  });

  it("refuses to start when the signal has already aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(runGit(".", ["version"], { signal: controller.signal })).rejects.toThrow("stop");
  });
});

describe("scrubError", () => {
  it("returns a clean copy only when the error carries a secret", () => {
    const plain = new Error("nothing here");
    expect(scrubError(plain, ["tok"])).toBe(plain);
    const leaky = new TypeError("bad tok and dG9r");
    const clean = scrubError(leaky, ["tok", "dG9r"]) as Error;
    expect(clean.message).toBe("bad *** and ***");
    expect(clean.name).toBe("TypeError");
    expect(clean.stack).not.toContain("tok");
    expect(scrubSecrets("abcabc", ["", "abc", "abcabc"])).toBe("***");
  });
});

describe("runExclusive", () => {
  it("runs tasks of one key one at a time, in order, even after a failure", async () => {
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      runExclusive("k", task("a", true)),
      runExclusive("k", task("b")),
      runExclusive("other", task("c")),
    ]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    expect(log.indexOf("end a")).toBeLessThan(log.indexOf("start b"));
    expect(log.indexOf("start c")).toBeLessThan(log.indexOf("end a"));
  });
});
