import { describe, expect, it } from "vitest";
import { reviewChanges } from "../../src/review/review-changes.js";
import { safeGit } from "../../src/workspace/safe-git.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();

/**
 * An import-time cycle of four modules in `shop.legacy` (a → b → c → d → a), beside a module that
 * imports into it. Bodies differ so git's rename detection pairs each file with its move.
 */
function cycleIn(pkg: string, members = ["a", "b", "c", "d"]): Record<string, string> {
  const files: Record<string, string> = { [`src/shop/${pkg}/__init__.py`]: "" };
  members.forEach((name, index) => {
    const next = members[(index + 1) % members.length] ?? "a";
    files[`src/shop/${pkg}/${name}.py`] = `from shop.${pkg} import ${next}\n${body(name)}`;
  });
  return files;
}

/** Enough of a module's own text that an edited import line keeps it recognisably the same file. */
function body(name: string): string {
  const lines = Array.from(
    { length: 12 },
    (_, index) => `    total += value * ${index} + len("${name}")\n`,
  );
  return `\n\ndef ${name}_work(value):\n    total = 0\n${lines.join("")}    return total\n`;
}

const outside = (pkg: string) => ({
  "src/shop/__init__.py": "",
  "src/shop/api.py": `from shop.${pkg} import a\n\n\ndef handle(request):\n    return a.a_work(request)\n`,
});

/** main: the base; pr: the base with `changes` applied by `git mv` and edits, in one commit. */
async function repoWithMove(
  base: Record<string, string>,
  moves: Record<string, string>,
  edits: Record<string, string | null>,
) {
  const dir = await tempDir();
  await initRepo(dir);
  await commitFiles(dir, base, "base");
  await checkoutBranch(dir, "pr", true);
  const git = safeGit(dir);
  for (const [from, to] of Object.entries(moves)) {
    await git.raw(["mv", from, to]);
  }
  await commitFiles(dir, edits, "move");
  return dir;
}

async function review(dir: string) {
  const report = await reviewChanges({ repoDir: dir, base: "main", head: "pr" });
  return report.findings.map((finding) => `${finding.rule}: ${finding.modules.join(" ")}`);
}

/** The moves and the import edits that go with moving package `shop.legacy` to `shop.billing`. */
function packageMove() {
  const moves = { "src/shop/legacy": "src/shop/billing" };
  const edits: Record<string, string> = { ...outside("billing") };
  for (const [path, text] of Object.entries(cycleIn("billing"))) edits[path] = text;
  return { moves, edits };
}

describe("a commit that renames or moves modules", () => {
  it("moving a package whose modules form a cycle reports nothing: the same cycle, renamed", async () => {
    const { moves, edits } = packageMove();
    const dir = await repoWithMove({ ...cycleIn("legacy"), ...outside("legacy") }, moves, edits);
    expect(await review(dir)).toEqual([]);
  });

  it("a cycle that went from four members to three through a rename is not joined", async () => {
    // Base: a → b → c → d → a, and b → d. The commit renames d to e and c stops importing it: the
    // loop is a → b → e → a, every hop an import the base had, one member fewer.
    const base: Record<string, string> = { ...cycleIn("legacy"), ...outside("legacy") };
    base["src/shop/legacy/b.py"] =
      `from shop.legacy import c\nfrom shop.legacy import d\n${body("b")}`;
    const dir = await repoWithMove(
      base,
      { "src/shop/legacy/d.py": "src/shop/legacy/e.py" },
      {
        "src/shop/legacy/b.py": `from shop.legacy import c\nfrom shop.legacy import e\n${body("b")}`,
        "src/shop/legacy/c.py": body("c"),
      },
    );
    const findings = await review(dir);
    expect(findings.filter((finding) => /^(new-cycle|grown-cycle)/.test(finding))).toEqual([]);
    expect(findings.join("\n")).not.toMatch(/shop\.legacy\.d/);
  });

  it("still reports a cycle the same commit closes among renamed modules", async () => {
    const { moves, edits } = packageMove();
    const base = {
      ...cycleIn("legacy"),
      ...outside("legacy"),
      "src/shop/orders.py": "X = 1\n",
    };
    const dir = await repoWithMove(base, moves, {
      ...edits,
      // orders now imports billing.a, and billing.a imports orders: a new import-time loop.
      "src/shop/orders.py": "from shop.billing import a\nX = 1\n",
      "src/shop/billing/a.py": `from shop.billing import b\nfrom shop import orders\n${body("a")}`,
    });
    const findings = await review(dir);
    expect(findings).toContainEqual(expect.stringMatching(/^new-cycle: .*shop\.orders/));
    expect(findings.join("\n")).not.toMatch(/shop\.legacy/);
  });

  it("a move into another layer is judged where the module now stands", async () => {
    const base = {
      ".github/archdrift.yml": "layers: [api, core]\n",
      "src/app/__init__.py": "",
      "src/app/api/__init__.py": "",
      "src/app/api/forms.py": body("forms"),
      "src/app/api/views.py": `from app.api import forms\n${body("views")}`,
      "src/app/core/__init__.py": "",
      "src/app/core/prices.py": body("prices"),
    };
    const dir = await repoWithMove(base, { "src/app/api/views.py": "src/app/core/views.py" }, {});
    expect(await review(dir)).toContainEqual(
      expect.stringMatching(/^layer-violation: app\.core\.views app\.api\.forms/),
    );
  });

  it("a move into another existing domain brings its imports as new couplings", async () => {
    const base = {
      "src/shop/__init__.py": "",
      "src/shop/orders/__init__.py": "",
      "src/shop/orders/pricing.py": `from shop.users import models\n${body("pricing")}`,
      "src/shop/orders/service.py": body("service"),
      "src/shop/payments/__init__.py": "",
      "src/shop/payments/api.py": body("api"),
      "src/shop/users/__init__.py": "",
      "src/shop/users/models.py": body("models"),
    };
    const moves = { "src/shop/orders/pricing.py": "src/shop/payments/pricing.py" };
    const dir = await repoWithMove(base, moves, {});
    expect(await review(dir)).toContainEqual(
      expect.stringMatching(/^new-domain-coupling: shop\.payments\.pricing shop\.users\.models/),
    );
  });

  it("a module moved into another domain keeps its cycle, and its new coupling is reported", async () => {
    const base = {
      "src/shop/__init__.py": "",
      "src/shop/orders/__init__.py": "",
      "src/shop/orders/pricing.py": `from shop.orders import service\n${body("pricing")}`,
      "src/shop/orders/service.py": `from shop.orders import pricing\n${body("service")}`,
      "src/shop/payments/__init__.py": "",
      "src/shop/payments/api.py": body("api"),
    };
    const dir = await repoWithMove(
      base,
      { "src/shop/orders/pricing.py": "src/shop/payments/pricing.py" },
      { "src/shop/orders/service.py": `from shop.payments import pricing\n${body("service")}` },
    );
    const findings = await review(dir);
    expect(
      findings.filter((finding) => /cycle-broken|new-cycle|grown-cycle/.test(finding)),
    ).toEqual([]);
    expect(findings).toContainEqual(
      expect.stringMatching(/^new-domain-coupling: shop\.payments\.pricing shop\.orders\.service/),
    );
  });
});
