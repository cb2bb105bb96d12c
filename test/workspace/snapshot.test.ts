import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { changedPaths } from "../../src/workspace/changed-paths.js";
import { mergeBaseOf } from "../../src/workspace/fork-point.js";
import { resolveCommit, UnknownRefError } from "../../src/workspace/resolve-commit.js";
import { commitFiles, checkoutBranch, initRepo } from "../../src/workspace/scratch-repo.js";
import { openSnapshot } from "../../src/workspace/snapshot.js";
import { safeGit } from "../../src/workspace/safe-git.js";
import { useTempDirs } from "./temp-dir.js";

const tempDir = useTempDirs();

describe("openSnapshot", () => {
  it("reads the files of any commit from git, not from the work tree", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    const first = await commitFiles(dir, { "a.py": "import b\n", "pkg/b.py": "x = 1\n" }, "first");
    await commitFiles(dir, { "a.py": "import c\n", "pkg/b.py": null }, "second");
    const snapshot = await openSnapshot(dir, first);
    expect(snapshot.files.map((entry) => entry.path)).toEqual(["a.py", "pkg/b.py"]);
    expect(await snapshot.readText(["a.py", "pkg/b.py", "missing.py"])).toEqual(
      new Map([
        ["a.py", "import b\n"],
        ["pkg/b.py", "x = 1\n"],
      ]),
    );
  });

  it("skips symlinks, so a link to a host file never gets read", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    await symlink("/etc/passwd", join(dir, "leak.py"));
    const sha = await commitFiles(dir, { "ok.py": "" }, "with a symlink");
    const snapshot = await openSnapshot(dir, sha);
    expect(snapshot.files.map((entry) => entry.path)).toEqual(["ok.py"]);
    expect((await snapshot.readText(["leak.py"])).size).toBe(0);
  });

  it("reads thousands of blobs through one git process, binary-safe", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`m/f${i}.py`] = `x = ${i}\n${"\n".repeat(i % 7)}`;
    files["weird.py"] = "a\nb\u0000c\n";
    const sha = await commitFiles(dir, files, "many");
    const texts = await (await openSnapshot(dir, sha)).readText(Object.keys(files));
    expect(texts.size).toBe(2001);
    expect(texts.get("m/f1999.py")).toBe(files["m/f1999.py"]);
    expect(texts.get("weird.py")).toBe("a\nb\u0000c\n");
  });
});

describe("refs", () => {
  it("resolves refs, finds the merge base and lists changed paths", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    const base = await commitFiles(dir, { "a.py": "" }, "base");
    await checkoutBranch(dir, "feature", true);
    const head = await commitFiles(dir, { "b.py": "", "a.py": "import b\n" }, "feature");
    await checkoutBranch(dir, "main", false);
    await commitFiles(dir, { "c.py": "" }, "main moves on");
    expect(await resolveCommit(dir, "feature")).toBe(head);
    expect(await mergeBaseOf(dir, await resolveCommit(dir, "main"), head)).toBe(base);
    expect(await changedPaths(dir, base, head)).toEqual(["a.py", "b.py"]);
  });

  it("refuses a ref that is not a commit, or that looks like an option", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    await commitFiles(dir, { "a.py": "" }, "base");
    await expect(resolveCommit(dir, "nope")).rejects.toBeInstanceOf(UnknownRefError);
    await expect(resolveCommit(dir, "--output=/tmp/x")).rejects.toBeInstanceOf(UnknownRefError);
  });

  it("runs git with hooks disabled", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    const hooksPath = await safeGit(dir).raw(["config", "core.hooksPath"]);
    expect(hooksPath.trim()).toBe("/dev/null");
  });
});
