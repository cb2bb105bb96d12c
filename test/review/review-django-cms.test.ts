import { describe, expect, it } from "vitest";
import { reviewChanges } from "../../src/review/review-changes.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();

/** A Django CMS laid out like wagtail: one package, scripts beside it, a helper named setup.py. */
const cms = {
  "pyproject.toml": '[project]\nname = "cms"\n',
  "setup.py": "from setuptools import setup\n\nsetup(name='cms')\n",
  "scripts/translator_credits.py": "import cms\n",
  "cms/__init__.py": "",
  "cms/admin/__init__.py": "",
  "cms/admin/views.py": "from cms.utils.setup import configure\n",
  "cms/admin/tests.py": "from cms.images.models import Image\n",
  "cms/images/__init__.py": "",
  "cms/images/models.py": "from cms.utils.setup import configure\n",
  "cms/images/models_test.py": "from cms.admin import views\n",
  "cms/utils/__init__.py": "",
  "cms/utils/setup.py": "from setuptools import find_packages\n\nconfigure = find_packages('.')\n",
};

describe("inference on a Django CMS layout", () => {
  it("infers the package's apps as domains and keeps its helper setup.py a module", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    await commitFiles(dir, cms, "base");
    await checkoutBranch(dir, "pr", true);
    await commitFiles(
      dir,
      {
        "cms/admin/views.py":
          "from cms.utils.setup import configure\nfrom cms.images import models\n",
      },
      "admin reaches into images",
    );
    const report = await reviewChanges({ repoDir: dir, base: "main", head: "pr" });
    const coupling = report.findings.find((finding) => finding.rule === "new-domain-coupling");
    expect(coupling).toMatchObject({ file: "cms/admin/views.py", line: 2 });
    expect(coupling?.message).toContain("admin now imports images");
    expect(report.coverage).toEqual({
      files: 11,
      reviewed: 9,
      excluded: [
        { rule: "**/*_test.py", isDefault: true, count: 1 },
        { rule: "**/tests.py", isDefault: true, count: 1 },
      ],
      notReviewed: [],
    });
    expect(report.warnings).toEqual([]);
  });
});
