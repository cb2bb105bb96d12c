import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reviewChanges } from "../../src/review/review-changes.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";

/**
 * Reviews write JavaScript checkouts and flattened tsconfigs to temporary folders; none may outlive
 * the review, whether it succeeds or stops on an error. os.tmpdir() follows TMPDIR, so this file
 * (its own process under vitest's forks pool) watches a private one.
 */
let privateTmp: string;
let outside: string;
const originalTmp = process.env["TMPDIR"];

beforeEach(async () => {
  outside = await mkdtemp(join(tmpdir(), "archdrift-cleanup-repo-"));
  privateTmp = await mkdtemp(join(tmpdir(), "archdrift-cleanup-tmp-"));
  process.env["TMPDIR"] = privateTmp;
});

afterEach(async () => {
  if (originalTmp === undefined) delete process.env["TMPDIR"];
  else process.env["TMPDIR"] = originalTmp;
  await rm(privateTmp, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const project = {
  "package.json": JSON.stringify({ name: "web" }),
  "tsconfig.json": JSON.stringify({
    compilerOptions: { baseUrl: ".", paths: { "@app/*": ["src/*"] } },
  }),
  "src/a.ts": 'import { b } from "@app/b";\nexport const a = b;\n',
  "src/b.ts": "export const b = 1;\n",
  "pkg/__init__.py": "",
  "pkg/x.py": "from pkg import y\n",
  "pkg/y.py": "",
};

describe("temporary files", () => {
  it("leaves nothing behind after a review, nor after one that stops once the graphs are built", async () => {
    await initRepo(outside);
    await commitFiles(outside, project, "base");
    await checkoutBranch(outside, "pr", true);
    await commitFiles(
      outside,
      { "src/b.ts": 'import { a } from "./a.js";\nexport const b = a;\n' },
      "cycle",
    );
    const report = await reviewChanges({ repoDir: outside, base: "main", head: "pr" });
    expect(report.findings.map((finding) => finding.rule)).toContain("new-cycle");
    // A domain that matches no module is found only after both graphs were built.
    const ghost = { file: "ghost.yml", text: "domains:\n  ghost: { path: nowhere }\n" };
    await expect(
      reviewChanges({ repoDir: outside, base: "main", head: "pr", config: ghost }),
    ).rejects.toThrow(/ghost/);
    expect(await readdir(privateTmp)).toEqual([]);
  });
});
