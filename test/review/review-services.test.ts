import { describe, expect, it } from "vitest";
import type { FileChanges } from "../../src/workspace/scratch-repo.js";
import { renderText } from "../../src/report/render-text.js";
import { reviewChanges } from "../../src/review/review-changes.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();

/** One service of the seed article's platform: `services/<name>/app` with its own tests. */
function service(name: string): FileChanges {
  const app = `services/${name}/app`;
  return {
    [`${app}/models.py`]:
      "from dataclasses import dataclass\n\n\n@dataclass\nclass Record:\n    id: int\n",
    [`${app}/schemas.py`]: "from app.models import Record\n",
    [`${app}/repository.py`]: "from app.models import Record\nfrom shared.db import session\n",
    [`${app}/service.py`]: "from app import repository\nfrom shared.messaging import publish\n",
    [`services/${name}/tests/test_service.py`]: "from app import service\n",
  };
}

/** The platform layout: `shared/` beside `services/*`, each service with a package `app`. */
function platform(packaging: boolean): FileChanges {
  const files: Record<string, string | null> = {
    "shared/__init__.py": "",
    "shared/db.py": "session = None\n",
    "shared/messaging.py": "from shared.db import session\n",
    ...service("user-service"),
    ...service("order-service"),
    ...service("product-service"),
    "services/notifications/notify/__init__.py": "",
    "services/notifications/notify/email.py": "from shared.messaging import publish\n",
  };
  if (packaging) {
    for (const name of ["user-service", "order-service", "product-service", "notifications"]) {
      files[`services/${name}/pyproject.toml`] = `[project]\nname = "${name}"\n`;
      files[`services/${name}/requirements.txt`] = "fastapi\n";
      files[`services/${name}/Dockerfile`] = "FROM python:3.13\n";
    }
  }
  return files;
}

async function reviewPlatform(packaging: boolean, change: FileChanges) {
  const dir = await tempDir();
  await initRepo(dir);
  await commitFiles(dir, platform(packaging), "platform");
  await checkoutBranch(dir, "pr", true);
  await commitFiles(dir, change, "the change");
  return reviewChanges({ repoDir: dir, base: "main", head: "pr" });
}

const cycle = {
  "services/order-service/app/models.py":
    "from dataclasses import dataclass\n\nfrom app.service import publish\n\n\n@dataclass\nclass Record:\n    id: int\n",
};

describe.each([
  ["without packaging files", false],
  ["with a pyproject.toml, requirements.txt and Dockerfile per service", true],
])("the seed's services/*/app platform %s", (_name, packaging) => {
  it("reviews every service, and finds a cycle inside one of them at its line", async () => {
    const report = await reviewPlatform(packaging, cycle);
    expect(report.coverage).toMatchObject({ files: 20, reviewed: 17, notReviewed: [] });
    expect(report.warnings).toEqual([]);
    const found = report.findings.filter((finding) => finding.rule === "new-cycle");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      file: "services/order-service/app/models.py",
      line: 3,
      importText: "from app.service import publish",
    });
    expect(found[0]?.modules).toContain("order-service: app.models");
    expect(found[0]?.modules.every((id) => id.startsWith("order-service: "))).toBe(true);
    expect(renderText(report, { color: false })).toContain("order-service: app.service");
  });

  it("reports a new import from one service into another as a new domain coupling", async () => {
    const report = await reviewPlatform(packaging, {
      "services/order-service/app/service.py":
        "from app import repository\nfrom shared.messaging import publish\nfrom notify.email import publish as mail\n",
    });
    const coupling = report.findings.filter((finding) => finding.rule === "new-domain-coupling");
    expect(coupling).toHaveLength(1);
    expect(coupling[0]).toMatchObject({ file: "services/order-service/app/service.py", line: 3 });
    expect(coupling[0]?.message).toContain("order-service now imports notify");
    expect(coupling[0]?.modules).toEqual(["order-service: app.service", "notify.email"]);
  });

  it("resolves a service's app in its own namespace, never in another service's", async () => {
    const report = await reviewPlatform(packaging, {
      "services/user-service/app/schemas.py":
        "from app.models import Record\nfrom app import service\n",
    });
    expect(report.findings.filter((finding) => finding.rule === "new-cycle")).toEqual([]);
    expect(report.changed.added).toEqual([
      expect.objectContaining({
        from: "user-service: app.schemas",
        to: "user-service: app.service",
      }),
    ]);
  });
});
