import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { openSnapshot } from "../../src/workspace/snapshot.js";
import { unsafePathReason } from "../../src/workspace/tree-paths.js";
import { runCli } from "../cli/run-cli.js";
import { useTempDirs } from "../workspace/temp-dir.js";
import { commitCraftedTree, type CraftedTree } from "./crafted-tree.js";

const tempDir = useTempDirs();
const savedTmp = process.env["TMPDIR"];
afterEach(() => {
  if (savedTmp === undefined) delete process.env["TMPDIR"];
  else process.env["TMPDIR"] = savedTmp;
});

const payload = 'require("fs").writeFileSync("/tmp/owned", "ran");\n';

/**
 * What a hostile head commit can hold once trees are written with `git mktree`: each entry would
 * have been written outside the materialiser's folder, into git's own folder, or crashed it.
 */
const hostileEntries: CraftedTree = [
  // x/../../PWNED.js: two levels up from the JavaScript checkout, into its parent (our TMPDIR).
  ["x", [["..", [["..", [["PWNED.js", payload]]]]]]],
  // ../../PWNED-root.js: from the root of the checkout, into the scratch folder above TMPDIR.
  ["..", [["..", [["PWNED-root.js", payload]]]]],
  [".", [["dot.js", "export const dot = 1;\n"]]],
  [".GIT", [["hooks.js", payload]]],
  [".git. ", [["trailing.js", payload]]],
  ["git~1", [["short.js", payload]]],
  [".g\u200cit", [["hfs.js", payload]]],
  ["dup.js", "export const first = 1;\n"],
  ["dup.js", "export const second = 2;\n"],
];

/** A file and a folder of one name: writing both crashed the review with EISDIR. */
const clashingEntries: CraftedTree = [
  ["both.js", "export const file = 1;\n"],
  ["both.js", [["inner.js", "export const inner = 1;\n"]]],
];

const refusedPaths = [
  "x/../../PWNED.js",
  "../../PWNED-root.js",
  "./dot.js",
  ".GIT/hooks.js",
  ".git. /trailing.js",
  "git~1/short.js",
  ".g\u200cit/hfs.js",
  // Named once: the report says the path is listed more than once.
  "dup.js",
];

async function hostileRepo(
  entries: CraftedTree,
): Promise<{ scratch: string; dir: string; base: string; head: string }> {
  const scratch = await tempDir();
  const dir = join(scratch, "repo");
  await initRepo(dir);
  const base = await commitFiles(
    dir,
    {
      "src/a.js": 'import { b } from "./b.js";\nexport const a = b;\n',
      "src/b.js": "export const b = 1;\n",
    },
    "base",
  );
  return { scratch, dir, base, head: commitCraftedTree(dir, base, entries) };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

/** The CLI run as a user would, with the JavaScript checkout's temp folder inside `scratch`. */
async function checkWithTmpIn(scratch: string, dir: string, base: string, head: string) {
  const tmp = join(scratch, "tmp");
  await mkdir(tmp);
  process.env["TMPDIR"] = tmp;
  return runCli(["check", "--repo", dir, "--base", base, "--head", head], dir);
}

/**
 * Shown failing before the fix: the review wrote `PWNED.js` into TMPDIR and `PWNED-root.js` into
 * the folder above it (the bot's temp folder's parent, or `/` with enough `..`), and the file that
 * is also a folder (`both.js`) crashed the review with EISDIR.
 */
describe("tree paths from a hostile commit", () => {
  it("are refused before anything is written, and the report names each one", async () => {
    const { scratch, dir, base, head } = await hostileRepo(hostileEntries);
    const run = await checkWithTmpIn(scratch, dir, base, head);
    const written = [...(await filesUnder(join(scratch, "tmp"))), ...(await readdir(scratch))];
    expect(written.filter((name) => name.startsWith("PWNED"))).toEqual([]);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    for (const path of refusedPaths) expect(run.stdout).toContain(path);
    expect(run.stdout).toMatch(/x\/\.\.\/\.\.\/PWNED\.js[^\n]*refused: a `\.\.` segment/);
    expect(run.stdout).toMatch(/dup\.js[^\n]*more than once/);
  });

  it("with a file that is also a folder are refused, and the review completes", async () => {
    const { scratch, dir, base, head } = await hostileRepo(clashingEntries);
    const run = await checkWithTmpIn(scratch, dir, base, head);
    expect(run.stderr).not.toMatch(/EISDIR|Error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/both\.js[^\n]*also a folder/);
    expect(run.stdout).toMatch(/both\.js\/inner\.js[^\n]*also a file/);
  });

  it("leave the snapshot with only the safe files, and materialise writes only those", async () => {
    const { scratch, dir, head } = await hostileRepo([...hostileEntries, ...clashingEntries]);
    const snapshot = await openSnapshot(dir, head);
    expect(snapshot.files.map((entry) => entry.path).sort()).toEqual(["src/a.js", "src/b.js"]);
    const refused = [...refusedPaths, "both.js", "both.js/inner.js"];
    expect(snapshot.skipped?.map((entry) => entry.path).sort()).toEqual(refused.sort());
    const out = join(scratch, "a", "b", "out");
    await snapshot.materialize([...refused, "src/a.js"], out);
    expect(await filesUnder(join(scratch, "a"))).toEqual(["a.js"]);
  });

  it("are written with exclusive create, never through a link planted in the folder", async () => {
    const scratch = await tempDir();
    const dir = join(scratch, "repo");
    await initRepo(dir);
    const head = await commitFiles(dir, { "src/a.js": "export const a = 1;\n" }, "one file");
    const victim = join(scratch, "victim.txt");
    await writeFile(victim, "untouched");
    const out = join(scratch, "out");
    await mkdir(join(out, "src"), { recursive: true });
    await symlink(victim, join(out, "src", "a.js"));
    const snapshot = await openSnapshot(dir, head);
    await expect(snapshot.materialize(["src/a.js"], out)).rejects.toThrow(/EEXIST/);
    expect(await readFile(victim, "utf8")).toBe("untouched");
  });
});

describe("unsafePathReason", () => {
  it.each([
    ["/etc/passwd", /absolute/],
    ["a//b.py", /empty/],
    ["a/./b.py", /empty or `\.`/],
    ["a/../b.py", /`\.\.`/],
    [".git/config", /`\.git`/],
    ["pkg/.Git/HEAD", /`\.git`/],
    [".git::$INDEX_ALLOCATION/x.js", /`\.git`/],
    ["GIT~1/x.js", /`\.git`/],
    [".\u200dgit/x.js", /`\.git`/],
    ["a\\..\\b.js", /backslash/],
    [`${"n".repeat(256)}.py`, /255 bytes/],
  ])("refuses %j", (path, reason) => {
    expect(unsafePathReason(path)).toMatch(reason);
  });

  it.each([".github/archdrift.yml", ".gitignore", "..foo.js", "a.git/x.py", "git~2/x.py", "é.py"])(
    "accepts %j",
    (path) => {
      expect(unsafePathReason(path)).toBeUndefined();
    },
  );
});
