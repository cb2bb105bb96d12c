import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { safeGit } from "../../src/workspace/safe-git.js";
import { commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { commitCraftedTree } from "../security/crafted-tree.js";
import { useTempDirs } from "../workspace/temp-dir.js";
import type { CliRun } from "./run-cli.js";

const tempDir = useTempDirs();

const files = {
  "src/shop/__init__.py": "",
  "src/shop/orders/__init__.py": "",
  "src/shop/orders/services.py": "from shop.orders import models\n",
  "src/shop/orders/models.py": "import dataclasses\n",
  // Larger than the bound the tests set: its import must not reach the graph unannounced.
  "src/shop/orders/generated.py": `from shop.orders import services\n${"# padding\n".repeat(200)}`,
  // As large, but no extractor reads it: leaving it out changes nothing, so it is not a warning.
  "docs/logo.svg": `<svg>${" ".repeat(2000)}</svg>\n`,
};

async function repository(): Promise<string> {
  const dir = await tempDir();
  await initRepo(dir);
  await commitFiles(dir, files, "shop");
  return dir;
}

async function graph(dir: string, env: Record<string, string>, format = "json"): Promise<CliRun> {
  return run(["graph", "--format", format], dir, env);
}

async function run(argv: string[], dir: string, env: Record<string, string>): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: dir,
    env,
  });
  return { code, stdout, stderr };
}

interface GraphJson {
  modules: { id: string }[];
  edges: { from: string }[];
  warnings: { file: string; message: string }[];
}

describe("archdrift graph under the review's bounds (ARCHDRIFT_MAX_*)", () => {
  it("leaves out a file above ARCHDRIFT_MAX_FILE_BYTES and says so, whatever the format", async () => {
    const dir = await repository();
    const env = { ARCHDRIFT_MAX_FILE_BYTES: "1000" };
    const run = await graph(dir, env);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as GraphJson;
    expect(json.modules.map((module) => module.id)).not.toContain("shop.orders.generated");
    expect(json.warnings).toContainEqual({
      file: "src/shop/orders/generated.py",
      line: 0,
      message: expect.stringContaining("above the 1,000 bytes archdrift reads per file") as string,
    });
    expect(run.stderr).toBe(
      "archdrift: src/shop/orders/generated.py: not analysed: not read: 2,033 bytes, above the 1,000 " +
        "bytes archdrift reads per file (ARCHDRIFT_MAX_FILE_BYTES)\n",
    );
    const dot = await graph(dir, env, "dot");
    expect(dot.stdout).not.toContain("shop.orders.generated");
    expect(dot.stderr).toContain("archdrift: src/shop/orders/generated.py: not analysed");
  });

  it("stops with exit 2 and names the bound when the commit has too many files", async () => {
    const run = await graph(await repository(), { ARCHDRIFT_MAX_FILES: "3" });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("archdrift reviews at most 3 (ARCHDRIFT_MAX_FILES)");
  });

  it("stops with exit 2 when the files hold more than ARCHDRIFT_MAX_TOTAL_BYTES", async () => {
    const run = await graph(await repository(), { ARCHDRIFT_MAX_TOTAL_BYTES: "500" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("(ARCHDRIFT_MAX_TOTAL_BYTES)");
  });

  it("stops with exit 2 naming the file when one parse passes ARCHDRIFT_MAX_PARSE_MS", async () => {
    const dir = await repository();
    // An unclosed bracket sends the file to the parser, whose parse of about 900 kB takes
    // several hundred milliseconds: ten times the bound.
    const slow = `import os\n${"values = [1, 2, 3]\n".repeat(50_000)}tail = (\n`;
    await commitFiles(dir, { "src/shop/orders/table.py": slow }, "a slow file");
    const run = await graph(dir, { ARCHDRIFT_MAX_PARSE_MS: "50" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("src/shop/orders/table.py");
    expect(run.stderr).toContain("50 ms (ARCHDRIFT_MAX_PARSE_MS)");
  });

  it("refuses a bound that is not a number, as check does", async () => {
    const run = await graph(await repository(), { ARCHDRIFT_MAX_FILES: "lots" });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'archdrift: ARCHDRIFT_MAX_FILES must be a positive whole number, not "lots"\n',
    );
  });

  it("within the bounds, draws every file and prints nothing on stderr", async () => {
    const run = await graph(await repository(), {});
    const json = JSON.parse(run.stdout) as GraphJson;
    expect(json.modules.map((module) => module.id)).toContain("shop.orders.generated");
    expect(json.edges.map((edge) => edge.from)).toContain("shop.orders.generated");
    expect(run.stderr).toBe("");
  });

  it("warns about the same files as a review of the commit", async () => {
    const dir = await repository();
    const env = { ARCHDRIFT_MAX_FILE_BYTES: "1000" };
    const review = await run(["audit", "--format", "json"], dir, env);
    const graphed = await graph(dir, env);
    const skippedIn = (json: string) =>
      (JSON.parse(json) as GraphJson).warnings.filter((w) => w.message.startsWith("not analysed"));
    expect(skippedIn(review.stdout).map((warning) => warning.file)).toEqual([
      "src/shop/orders/generated.py",
    ]);
    expect(skippedIn(graphed.stdout)).toEqual(skippedIn(review.stdout));
  });

  it("names every refused tree path, a source file or not", async () => {
    const dir = await repository();
    const head = commitCraftedTree(dir, (await safeGit(dir).revparse(["HEAD"])).trim(), [
      ["x", [["..", [["notes.txt", "not source\n"]]]]],
    ]);
    const graphed = await run(["graph", "--ref", head, "--format", "json"], dir, {});
    expect(graphed.code).toBe(0);
    expect(graphed.stderr).toMatch(/x\/\.\.\/notes\.txt: not analysed: refused: a `\.\.` segment/);
  });
});
