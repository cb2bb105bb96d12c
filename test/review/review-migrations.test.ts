import { describe, expect, it } from "vitest";
import { reviewChanges } from "../../src/review/review-changes.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();

/** A Django project: two apps, each with models and numbered migrations. */
const django = {
  "manage.py": "import os\n",
  "shop/__init__.py": "",
  "shop/orders/__init__.py": "",
  "shop/orders/models.py":
    "from django.db import models\n\nfrom shop.payments.models import Payment\n",
  "shop/orders/migrations/__init__.py": "",
  "shop/orders/migrations/0001_initial.py":
    "from django.db import migrations\n\nfrom shop.orders.models import Order\n",
  "shop/payments/__init__.py": "",
  "shop/payments/models.py": "from django.db import models\n",
  "shop/payments/migrations/__init__.py": "",
  "shop/payments/migrations/0001_initial.py": "from django.db import migrations\n",
  ".github/archdrift.yml":
    'forbidden:\n  - { from: "shop/payments/**", to: "shop/orders/**", message: "payments never know orders" }\n',
};

async function reviewMigration(text: string) {
  const dir = await tempDir();
  await initRepo(dir);
  await commitFiles(dir, django, "base");
  await checkoutBranch(dir, "pr", true);
  await commitFiles(dir, { "shop/payments/migrations/0002_backfill.py": text }, "a migration");
  return reviewChanges({ repoDir: dir, base: "main", head: "pr" });
}

describe("Django migrations", () => {
  it("are reviewed as modules of their package, under names no import can take", async () => {
    const report = await reviewMigration(
      "from django.db import migrations\n\nfrom ..models import Payment\n",
    );
    expect(report.coverage).toMatchObject({ files: 11, reviewed: 11, notReviewed: [] });
    expect(report.changed.added).toEqual([
      expect.objectContaining({
        from: "shop.payments.migrations.0002_backfill",
        to: "shop.payments.models",
        line: 3,
      }),
    ]);
    expect(report.findings).toEqual([]);
  });

  it("answer to domain and forbidden rules, and close no cycle", async () => {
    const report = await reviewMigration(
      "from django.db import migrations\n\nfrom shop.orders.models import Order\n",
    );
    const rules = report.findings.map((finding) => finding.rule).sort();
    // The apps now depend on each other (orders models import payments): a domain cycle, not a module one.
    expect(rules).toEqual(["domain-cycle", "forbidden", "new-domain-coupling"]);
    const forbidden = report.findings.find((finding) => finding.rule === "forbidden");
    expect(forbidden).toMatchObject({
      file: "shop/payments/migrations/0002_backfill.py",
      line: 3,
      modules: ["shop.payments.migrations.0002_backfill", "shop.orders.models"],
    });
    // orders imports payments, and this migration imports orders: nothing imports the migration.
    expect(report.findings.filter((finding) => finding.rule === "new-cycle")).toEqual([]);
  });
});
