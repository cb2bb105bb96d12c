import { beforeAll, describe, expect, it } from "vitest";
import type { DriftReport } from "../../src/drift/drift-report.js";
import { graphAt } from "../../src/review/graph-at.js";
import { reviewChanges } from "../../src/review/review-changes.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();

/** Globs with many stars, each ending in a letter the long names below never end in. */
const config = [
  "roots: [src]",
  'exclude: ["**/*a*a*a*a*a*a*a*b"]',
  "domains:",
  "  orders: src/shop/orders",
  '  legacy: "src/*c*c*c*c*c*c*c*d"',
  "forbidden:",
  '  - { from: "src/*e*e*e*e*e*e*e*f", to: "src/shop/orders/**", message: "jobs go through the API" }',
  "",
].join("\n");

const uses = "from shop.orders import models\n";

const base = {
  ".github/archdrift.yml": config,
  "src/shop/__init__.py": "",
  "src/shop/orders/__init__.py": "",
  "src/shop/orders/models.py": "class Order: ...\n",
  "src/ccccccccd/__init__.py": "",
  "src/ccccccccd/legacy.py": "",
  "src/eeeeeeeef/__init__.py": "",
  "src/eeeeeeeef/jobs.py": "",
  "src/aaaaaaab/skipped.py": uses,
};

/** Names a pull request may choose: 240 characters, close to what a file system allows. */
const longNames = ["a", "c", "e"].map((letter) => `src/${letter.repeat(240)}.py`);

/**
 * Issue 11 item 8, shown failing before the fix: each long name against each glob backtracked in
 * picomatch's regex for far longer than the test's minute (40 characters already took 0.7 s).
 */
describe("globs with many stars against long names a pull request adds", () => {
  let report: DriftReport;

  beforeAll(async () => {
    const dir = await tempDir();
    await initRepo(dir);
    await commitFiles(dir, base, "base");
    await checkoutBranch(dir, "pr", true);
    const head = {
      ...Object.fromEntries(longNames.map((path) => [path, uses])),
      "src/ccccccccd/legacy.py": uses,
      "src/eeeeeeeef/jobs.py": uses,
    };
    await commitFiles(dir, head, "long names");
    report = await reviewChanges({ repoDir: dir, base: "main", head: "pr" });
    const paths = (await graphAt(dir, "pr")).graph.modules.map((module) => module.path);
    expect(paths).toEqual(expect.arrayContaining(longNames));
    expect(paths).not.toContain("src/aaaaaaab/skipped.py");
  });

  it("still applies exclude, domain paths and forbidden rules as written", () => {
    const shown = report.findings.filter((finding) => !finding.suppressed);
    expect(shown.map((finding) => [finding.rule, finding.file]).sort()).toEqual([
      ["forbidden", "src/eeeeeeeef/jobs.py"],
      ["new-domain-coupling", "src/ccccccccd/legacy.py"],
    ]);
  });
});
