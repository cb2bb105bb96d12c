import { describe, expect, it } from "vitest";
import { renderJson } from "../../src/report/render-json.js";
import { renderMarkdown } from "../../src/report/render-markdown.js";
import { renderSarif } from "../../src/report/render-sarif.js";
import { renderText } from "../../src/report/render-text.js";
import { reviewChanges } from "../../src/review/review-changes.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();

const files = {
  "shop/__init__.py": "",
  "shop/orders.py": "from shop import payments\n",
  "shop/payments.py": "",
  "shop/tests/test_orders.py": "from shop import orders\n",
  "legacy/old.py": "import shop\n",
  "scripts/deploy-prod.py": "import shop.orders\n",
  "web/app.ts": 'export const app = "shop";\n',
  "README.md": "# shop\n",
  "data/fixture.yaml": "orders: []\n",
};

async function reviewed(config?: string) {
  const dir = await tempDir();
  await initRepo(dir);
  const extra = config === undefined ? {} : { ".github/archdrift.yml": config };
  await commitFiles(dir, { ...files, ...extra }, "base");
  await checkoutBranch(dir, "pr", true);
  await commitFiles(dir, { "shop/payments.py": "VAT = 0.2\n" }, "a change");
  return reviewChanges({ repoDir: dir, base: "main", head: "pr" });
}

describe("a review's coverage", () => {
  it("puts every Python and TypeScript file in one place: reviewed, excluded by a rule, or not reviewed with why", async () => {
    const report = await reviewed("exclude: [legacy]\n");
    expect(report.coverage).toEqual({
      files: 7,
      reviewed: 4,
      excluded: [
        { rule: "**/tests/**", isDefault: true, count: 1 },
        { rule: "legacy", isDefault: false, count: 1 },
      ],
      notReviewed: [
        {
          reason: "its path is not an importable module name",
          files: ["scripts/deploy-prod.py"],
        },
      ],
    });
  });

  it("says what was not reviewed in every format", async () => {
    const report = await reviewed();
    const text = renderText(report, { color: false });
    expect(text).toContain("⚠ 1 of 7 source files not reviewed");
    expect(text).toContain(
      "⚠ its path is not an importable module name: 1 file (scripts/deploy-prod.py)",
    );
    expect(text).toContain(
      "Files: 5 of 7 Python/JavaScript/TypeScript files reviewed · 1 excluded (**/tests/**: 1) · 1 not reviewed",
    );
    const markdown = renderMarkdown(report);
    expect(markdown).toContain("> [!WARNING]\n> 1 of 7 source files not reviewed");
    expect(markdown).toContain("#### Not reviewed");
    expect(markdown).toContain("`scripts/deploy-prod.py`");
    const json = JSON.parse(renderJson(report)) as { coverage: unknown };
    expect(json.coverage).toEqual({
      files: 7,
      reviewed: 5,
      excluded: 1,
      notReviewed: 1,
      excludedBy: [{ rule: "**/tests/**", default: true, count: 1 }],
      notReviewedBy: [
        {
          reason: "its path is not an importable module name",
          count: 1,
          files: ["scripts/deploy-prod.py"],
        },
      ],
    });
    const sarif = JSON.parse(renderSarif(report, { toolVersion: "0.0.0" })) as {
      runs: { properties: { coverage: { files: number; notReviewed: number } } }[];
    };
    expect(sarif.runs[0]?.properties.coverage).toMatchObject({ files: 7, notReviewed: 1 });
  });

  it("warns in no format when every file is reviewed or excluded", async () => {
    const report = await reviewed("exclude: [scripts]\n");
    expect(report.coverage?.notReviewed).toEqual([]);
    expect(renderText(report, { color: false })).not.toContain("not reviewed");
    expect(renderMarkdown(report)).not.toContain("[!WARNING]");
  });
});
