import { describe, expect, it } from "vitest";
import { checkRunResultOf } from "../../src/publish/check-run-result.js";
import { renderJson } from "../../src/report/render-json.js";
import { renderMarkdown } from "../../src/report/render-markdown.js";
import { renderSarif } from "../../src/report/render-sarif.js";
import { renderText } from "../../src/report/render-text.js";
import { reviewChanges } from "../../src/review/review-changes.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { defaultWorkspaceLimits } from "../../src/workspace/workspace-limits.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();

const files = {
  "shop/__init__.py": "",
  "shop/orders.py": "from shop import payments\n",
  "shop/payments.py": "",
  "shop/tests/test_orders.py": "from shop import orders\n",
  "legacy/old.py": "import shop\n",
  "scripts/v1.2_upgrade.py": "import shop.orders\n",
  "web/app.ts": 'export const app = "shop";\n',
  ".github/scripts/release.py": "import shop\n",
  "README.md": "# shop\n",
  "data/fixture.yaml": "orders: []\n",
};

async function reviewed(config?: string, more: Record<string, string> = {}, maxFileBytes?: number) {
  const dir = await tempDir();
  await initRepo(dir);
  const extra = config === undefined ? {} : { ".github/archdrift.yml": config };
  await commitFiles(dir, { ...files, ...extra, ...more }, "base");
  await checkoutBranch(dir, "pr", true);
  await commitFiles(dir, { "shop/payments.py": "VAT = 0.2\n" }, "a change");
  const limits =
    maxFileBytes === undefined ? undefined : { ...defaultWorkspaceLimits, maxFileBytes };
  return reviewChanges({ repoDir: dir, base: "main", head: "pr", limits });
}

describe("a review's coverage", () => {
  it("puts every Python and TypeScript file in one place: reviewed, excluded by a rule, or not reviewed with why", async () => {
    const report = await reviewed("exclude: [legacy]\n");
    expect(report.coverage).toEqual({
      files: 8,
      reviewed: 4,
      excluded: [
        { rule: "**/.*/**", isDefault: true, count: 1 },
        { rule: "**/tests/**", isDefault: true, count: 1 },
        { rule: "legacy", isDefault: false, count: 1 },
      ],
      notReviewed: [
        {
          reason: "its path is not an importable module name",
          files: ["scripts/v1.2_upgrade.py"],
        },
      ],
    });
  });

  it("says what was not reviewed in every format", async () => {
    const report = await reviewed();
    const text = renderText(report, { color: false });
    expect(text).toContain("⚠ 1 of 8 source files not reviewed");
    expect(text).toContain(
      "⚠ its path is not an importable module name: 1 file (scripts/v1.2_upgrade.py)",
    );
    expect(text).toContain(
      "Files: 5 of 8 Python/JavaScript/TypeScript files reviewed · 2 excluded (**/.*/**: 1, **/tests/**: 1) · 1 not reviewed",
    );
    const markdown = renderMarkdown(report);
    expect(markdown).toContain("> [!WARNING]\n> 1 of 8 source files not reviewed");
    expect(markdown).toContain("#### Not reviewed");
    expect(markdown).toContain("`scripts/v1.2_upgrade.py`");
    const json = JSON.parse(renderJson(report)) as { coverage: unknown };
    expect(json.coverage).toEqual({
      files: 8,
      reviewed: 5,
      excluded: 2,
      notReviewed: 1,
      excludedBy: [
        { rule: "**/.*/**", default: true, count: 1 },
        { rule: "**/tests/**", default: true, count: 1 },
      ],
      notReviewedBy: [
        {
          reason: "its path is not an importable module name",
          count: 1,
          files: ["scripts/v1.2_upgrade.py"],
        },
      ],
    });
    const sarif = JSON.parse(renderSarif(report, { toolVersion: "0.0.0" })) as {
      runs: { properties: { coverage: { files: number; notReviewed: number } } }[];
    };
    expect(sarif.runs[0]?.properties.coverage).toMatchObject({ files: 8, notReviewed: 1 });
    const checkRun = checkRunResultOf(report);
    expect(checkRun.summary).toContain("1 of 8 source files not reviewed");
    expect(checkRun.summary).toContain("Files: 5 of 8 Python/JavaScript/TypeScript files reviewed");
  });

  it("warns about a file too large to read only when it would have been reviewed", async () => {
    const big = "#".repeat(2_000) + "\n";
    const report = await reviewed(
      "exclude: [scripts]\n",
      {
        "shop/huge.py": big,
        "shop/tests/test_huge.py": big,
        "data/big-fixture.yaml": big,
        "shop/schema.graphql": big,
      },
      1_000,
    );
    expect(report.warnings.map((warning) => warning.file)).toEqual(["shop/huge.py"]);
    expect(report.warnings[0]?.message).toMatch(/^not analysed: not read: 2,001 bytes/);
    expect(report.coverage?.notReviewed).toEqual([
      { reason: "too large to read (ARCHDRIFT_MAX_FILE_BYTES)", files: ["shop/huge.py"] },
    ]);
    expect(report.coverage?.excluded).toContainEqual({
      rule: "**/tests/**",
      isDefault: true,
      count: 2,
    });
  });

  it("warns in no format when every file is reviewed or excluded", async () => {
    const report = await reviewed("exclude: [scripts]\n");
    expect(report.coverage?.notReviewed).toEqual([]);
    expect(renderText(report, { color: false })).not.toContain("not reviewed");
    expect(renderMarkdown(report)).not.toContain("[!WARNING]");
  });
});
