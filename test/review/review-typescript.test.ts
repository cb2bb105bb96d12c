import { describe, expect, it } from "vitest";
import { reviewChanges } from "../../src/review/review-changes.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();

const base = {
  "package.json": JSON.stringify({
    name: "web",
    type: "module",
    dependencies: { react: "^19.0.0" },
  }),
  "tsconfig.json": JSON.stringify({
    compilerOptions: {
      baseUrl: ".",
      paths: { "@app/*": ["src/*"] },
      module: "NodeNext",
      strict: true,
    },
  }),
  ".github/archdrift.yml": "layers: [ui, services, models]\n",
  "src/ui/page.tsx":
    'import React from "react";\nimport { load } from "@app/services/orders";\nexport const Page = () => load();\n',
  "src/services/orders.ts":
    'import type { Order } from "@app/models/order";\nexport const load = (): Order[] => [];\n',
  "src/models/order.ts": "export interface Order { id: number }\n",
};

describe("reviewing a TypeScript project", () => {
  it("resolves tsconfig paths and reports a layer violation at the exact import line", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    await commitFiles(dir, base, "base");
    await checkoutBranch(dir, "pr", true);
    await commitFiles(
      dir,
      {
        "src/models/order.ts":
          'import { Page } from "@app/ui/page";\n\nexport interface Order { id: number }\nexport const p = Page;\n',
      },
      "models reach up into ui",
    );
    const report = await reviewChanges({ repoDir: dir, base: "main", head: "pr" });
    const violation = report.findings.find((finding) => finding.rule === "layer-violation");
    expect(violation).toMatchObject({
      file: "src/models/order.ts",
      line: 1,
      importText: 'import { Page } from "@app/ui/page";',
      modules: ["src/models/order.ts", "src/ui/page.tsx"],
    });
  });

  it("keeps type-only imports out of runtime cycles", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    await commitFiles(dir, { ...base, ".github/archdrift.yml": "" }, "base");
    await checkoutBranch(dir, "pr", true);
    await commitFiles(
      dir,
      {
        "src/models/order.ts":
          'import type { load } from "../services/orders.js";\nexport interface Order { id: number; l?: typeof load }\n',
      },
      "types only",
    );
    const report = await reviewChanges({ repoDir: dir, base: "main", head: "pr" });
    expect(report.findings.filter((finding) => finding.rule === "new-cycle")).toEqual([]);
  });
});
