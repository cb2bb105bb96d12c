import { describe, expect, it } from "vitest";
import { reviewChanges } from "../../src/review/review-changes.js";
import { checkoutBranch, commitFiles, initRepo } from "../../src/workspace/scratch-repo.js";
import { useTempDirs } from "../workspace/temp-dir.js";

const tempDir = useTempDirs();
const json = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * A small TypeScript monorepo shaped like the real ones: workspace packages, a root tsconfig that
 * maps them to their sources, stylesheets, fonts, JSON and `?url` imports, a tests folder the
 * defaults exclude (and a setup file that imports from it), a declaration file, and a docs site
 * outside the workspace that pins `@acme/beta` from the registry.
 */
const monorepo = {
  "package.json": json({ name: "acme", private: true, workspaces: ["packages/*", "apps/*"] }),
  "tsconfig.json": json({
    compilerOptions: {
      baseUrl: ".",
      paths: {
        "@acme/alpha": ["./packages/alpha/src/index.ts"],
        "@acme/beta": ["./packages/beta/src/index.ts"],
        "@acme/beta/*": ["./packages/beta/src/*"],
      },
    },
    include: ["packages", "apps"],
  }),
  "packages/alpha/package.json": json({ name: "@acme/alpha", main: "./dist/index.js" }),
  "packages/alpha/src/index.ts": [
    'import "./alpha.scss";',
    'import font from "./fonts/Virgil.woff2";',
    'import en from "./locales/en.json";',
    'import logo from "./logo.svg?url";',
    'import { shape } from "./shape";',
    "export const alpha = [shape, font, en, logo];",
  ].join("\n"),
  "packages/alpha/src/shape.ts": "export const shape = 1;\n",
  "packages/alpha/src/alpha.scss": ".alpha { color: red; }\n",
  "packages/alpha/src/fonts/Virgil.woff2": "wOF2",
  "packages/alpha/src/locales/en.json": json({ hello: "Hello" }),
  "packages/alpha/src/logo.svg": "<svg/>",
  "packages/alpha/src/global.d.ts": 'import "./shape";\nexport {};\n',
  "packages/alpha/tests/helpers.ts":
    'import { alpha } from "../src/index";\nexport const h = alpha;\n',
  "packages/alpha/tests/alpha.test.ts": 'import { h } from "./helpers";\nimport "./missing";\n',
  "packages/beta/package.json": json({ name: "@acme/beta", main: "./dist/index.js" }),
  "packages/beta/src/index.ts": 'import { util } from "./util";\nexport const beta = util;\n',
  "packages/beta/src/util.ts": "export const util = 2;\n",
  "apps/web/package.json": json({ name: "web", dependencies: { "@acme/alpha": "*" } }),
  "apps/web/main.tsx": 'import { alpha } from "@acme/alpha";\nexport const App = () => alpha;\n',
  "setupTests.ts": 'import { h } from "./packages/alpha/tests/helpers";\nexport const s = h;\n',
  "dev-docs/package.json": json({ name: "docs", dependencies: { "@acme/beta": "1.4.0" } }),
  "dev-docs/tsconfig.json": json({ extends: "@tsconfig/docusaurus/tsconfig.json" }),
  "dev-docs/src/page.tsx": 'import { beta } from "@acme/beta";\nexport const Page = () => beta;\n',
};

describe("reviewing a TypeScript monorepo", () => {
  it("reads assets, excluded tests and a registry-pinned docs site without a warning, and sees workspace packages as domains", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    await commitFiles(dir, monorepo, "monorepo");
    await checkoutBranch(dir, "pr", true);
    await commitFiles(
      dir,
      {
        "packages/alpha/src/shape.ts":
          'import { beta } from "@acme/beta";\nexport const shape = beta;\n',
        "packages/alpha/src/ring.scss": ".ring {}\n",
        "packages/alpha/src/ring.ts": 'import "./ring.scss";\nexport const ring = 1;\n',
      },
      "alpha uses beta",
    );
    const report = await reviewChanges({ repoDir: dir, base: "main", head: "pr" });
    expect(report.warnings).toEqual([]);
    expect(
      report.findings.map(({ rule, file, line, importText }) => ({ rule, file, line, importText })),
    ).toEqual([
      {
        rule: "new-domain-coupling",
        file: "packages/alpha/src/shape.ts",
        line: 1,
        importText: 'import { beta } from "@acme/beta";',
      },
    ]);
    expect(report.findings[0]?.message).toMatch(/alpha.*beta/);
    expect(report.changed.domains).toMatchObject({
      "packages/alpha/src/shape.ts": "alpha",
      "packages/beta/src/index.ts": "beta",
    });
    // 9 modules: the tests folder is excluded, the docs page is reviewed.
    expect(report.stats.modules).toBe(9);
  });

  it("gives the registry-pinned docs site no edge to the workspace's source", async () => {
    const dir = await tempDir();
    await initRepo(dir);
    await commitFiles(dir, monorepo, "monorepo");
    const report = await reviewChanges({ repoDir: dir, base: undefined, head: "main" });
    const edges = report.changed.added.map(({ from, to, kind }) => `${from} -> ${to} ${kind}`);
    expect(edges.filter((edge) => edge.startsWith("dev-docs/"))).toEqual([]);
    expect(edges).toContain(
      "packages/alpha/src/global.d.ts -> packages/alpha/src/shape.ts type-only",
    );
    expect(edges).toContain("apps/web/main.tsx -> packages/alpha/src/index.ts runtime");
  });
});
