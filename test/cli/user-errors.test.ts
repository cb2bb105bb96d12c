import { spawn } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { safeGit } from "../../src/workspace/safe-git.js";
import { commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";
import { runCli, type CliRun } from "./run-cli.js";

const tempDir = useTempDirs();

/** Every command that reads a repository, with the options that name it. */
const commands = [
  ["check", "--base", "main"],
  ["audit"],
  ["graph"],
  ["graph", "--format", "dot"],
].map((argv) => [argv.join(" "), argv] as const);

/** What a user error must look like: exit 2, one line that says it, no stack, no settings. */
function expectOneLine(run: CliRun, said: RegExp): void {
  const lines = run.stderr.trimEnd().split("\n");
  expect(run.code).toBe(2);
  expect(lines.at(-1)).toMatch(said);
  expect(lines.filter((line) => !line.startsWith("archdrift: reviewing "))).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at |simple-git|allowEnvironment/);
  expect(run.stdout).toBe("");
}

async function repository(): Promise<string> {
  const dir = await tempDir();
  await initRepo(dir);
  await commitFiles(dir, { "app/__init__.py": "", "app/core.py": "import os\n" }, "base");
  return dir;
}

describe("--repo naming something archdrift cannot review", () => {
  it.each(commands)("%s: a missing folder exits 2 in one line", async (_name, argv) => {
    const missing = join(await tempDir(), "no-such-folder");
    const run = await runCli([...argv, "--repo", missing], await tempDir());
    expectOneLine(run, new RegExp(`^archdrift: ${missing} does not exist$`));
  });

  it.each(commands)("%s: a file exits 2 in one line", async (_name, argv) => {
    const dir = await tempDir();
    await writeFile(join(dir, "notes.txt"), "not a repository\n");
    const run = await runCli([...argv, "--repo", join(dir, "notes.txt")], dir);
    expectOneLine(run, /notes\.txt is a file, not a folder$/);
  });

  it.each(commands)("%s: a folder that is not a git repository says so", async (_name, argv) => {
    const dir = await tempDir();
    const run = await runCli([...argv, "--repo", dir], dir);
    expectOneLine(run, new RegExp(`^archdrift: ${dir} is not a git repository$`));
  });

  it("reads a folder inside a work tree, and a bare repository", async () => {
    const dir = await repository();
    await mkdir(join(dir, "app", "sub"));
    const inside = await runCli(["graph", "--repo", join(dir, "app", "sub")], dir);
    expect(inside.code).toBe(0);
    const bare = join(await tempDir(), "bare.git");
    await gitClone(dir, bare);
    expect((await runCli(["check", "--base", "main", "--repo", bare], dir)).code).toBe(0);
  });
});

describe("other mistakes a user makes", () => {
  it("a --cache-dir that is a file exits 2 in one line", async () => {
    const dir = await repository();
    await writeFile(join(dir, "cache"), "");
    const run = await runCli(["check", "--base", "main", "--cache-dir", join(dir, "cache")], dir);
    expectOneLine(run, /cache folder .*cache is a file, not a folder$/);
  });

  it("an error archdrift did not expect exits 2, never 1 (drift found), with its stack", async () => {
    const dir = await repository();
    // A damaged repository: the tree of a folder the commit lists is gone from the object store.
    const tree = (await safeGit(dir).revparse(["HEAD:app"])).trim();
    await rm(join(dir, ".git", "objects", tree.slice(0, 2), tree.slice(2)));
    const run = await runCli(["graph", "--repo", dir], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^archdrift: unexpected error/);
    expect(run.stderr).toMatch(/\n\s+at /);
    expect(run.stdout).toBe("");
  });

  it("a reader that closes the pipe early is not an error: no stack, the exit code stands", async () => {
    // A real pipe between two processes, as in `archdrift graph | head -1`.
    const dir = await tempDir();
    const source = await readFile(
      join(import.meta.dirname, "../../src/cli/closed-pipe.ts"),
      "utf8",
    );
    await writeFile(join(dir, "closed-pipe.mjs"), ts.transpileModule(source, esm).outputText);
    await writeFile(
      join(dir, "writer.mjs"),
      'import { ignoreClosedPipe } from "./closed-pipe.mjs";\n' +
        "ignoreClosedPipe(process.stdout);\n" +
        'for (let i = 0; i < 64; i++) process.stdout.write("x".repeat(65536));\n' +
        "process.exitCode = 1;\n",
    );
    const run = await shell(
      `node writer.mjs 2>stderr.txt | head -c 1 >/dev/null; echo \${PIPESTATUS[0]}`,
      dir,
    );
    expect(await readFile(join(dir, "stderr.txt"), "utf8")).toBe("");
    expect(run.trim()).toBe("1");
  });
});

const esm = { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } };

async function shell(command: string, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const child = spawn("bash", ["-c", command], { cwd, stdio: ["ignore", "pipe", "inherit"] });
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", () => resolve(output));
  });
}

async function gitClone(from: string, to: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const git = spawn("git", ["clone", "--quiet", "--bare", from, to], { stdio: "ignore" });
    git.on("error", reject);
    git.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`git clone: ${code}`))));
  });
}
