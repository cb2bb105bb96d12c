import { describe, expect, it } from "vitest";
import { edgeSummary, extractFixture } from "./fixture-project.js";

const extract = extractFixture;

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe("extractJavaScript in a monorepo", () => {
  it("resolves npm workspace packages by name to their sources, with nothing installed", () => {
    const graph = extract({
      "package.json": json({ name: "root", private: true, workspaces: ["packages/*"] }),
      "packages/a/package.json": json({ name: "@acme/a", dependencies: { "@acme/b": "*" } }),
      "packages/a/src/index.ts": [
        'import { b } from "@acme/b";',
        'import { helper } from "@acme/b/helpers";',
        'import type { Shape } from "@acme/c";',
        'import lodash from "lodash";',
      ].join("\n"),
      "packages/b/package.json": json({
        name: "@acme/b",
        main: "dist/index.js",
        exports: {
          ".": "./dist/index.js",
          "./*": { types: "./dist/*.d.ts", default: "./dist/*.js" },
        },
      }),
      "packages/b/src/index.ts": "export const b = 1;",
      "packages/b/src/helpers.ts": "export const helper = 1;",
      "packages/c/package.json": json({ name: "@acme/c", types: "./types/main.d.ts" }),
      "packages/c/types/main.d.ts": "export type Shape = {};",
    });
    expect(graph.warnings).toEqual([]);
    expect(edgeSummary(graph)).toEqual([
      { from: "packages/a/src/index.ts", to: "packages/b/src/index.ts", line: 1, kind: "runtime" },
      {
        from: "packages/a/src/index.ts",
        to: "packages/b/src/helpers.ts",
        line: 2,
        kind: "runtime",
      },
      {
        from: "packages/a/src/index.ts",
        to: "packages/c/types/main.d.ts",
        line: 3,
        kind: "type-only",
      },
    ]);
  });

  it("reads pnpm-workspace.yaml, honouring negated patterns", () => {
    const graph = extract({
      "package.json": json({ name: "root" }),
      "pnpm-workspace.yaml": "packages:\n  - 'apps/*'\n  - 'libs/**'\n  - '!libs/ignored'\n",
      "apps/web/package.json": json({ name: "web" }),
      "apps/web/main.ts": 'import { ui } from "@acme/ui";\nimport { x } from "@acme/ignored";',
      "libs/shared/ui/package.json": json({ name: "@acme/ui", source: "lib/ui.tsx" }),
      "libs/shared/ui/lib/ui.tsx": "export const ui = <div />;",
      "libs/ignored/package.json": json({ name: "@acme/ignored" }),
      "libs/ignored/src/index.ts": "export const x = 1;",
    });
    expect(edgeSummary(graph)).toEqual([
      { from: "apps/web/main.ts", to: "libs/shared/ui/lib/ui.tsx", line: 1, kind: "runtime" },
    ]);
  });

  it("applies each package's own tsconfig paths", () => {
    const packageTsconfig = json({
      compilerOptions: { baseUrl: ".", paths: { "@/*": ["src/*"] } },
    });
    const graph = extract({
      "package.json": json({ workspaces: ["packages/*"] }),
      "tsconfig.json": json({ compilerOptions: { paths: { "@/*": ["shared/*"] } } }),
      "shared/log.ts": 'import { config } from "@/config";\nexport const log = config;',
      "shared/config.ts": "export const config = 1;",
      "packages/a/package.json": json({ name: "a" }),
      "packages/a/tsconfig.json": packageTsconfig,
      "packages/a/src/main.ts": 'import { config } from "@/config";',
      "packages/a/src/config.ts": "export const config = 'a';",
      "packages/b/package.json": json({ name: "b" }),
      "packages/b/tsconfig.json": json({
        extends: "../../tsconfig.base.json",
        compilerOptions: { outDir: "dist" },
      }),
      "tsconfig.base.json": json({
        compilerOptions: { paths: { "~b/*": ["./packages/b/lib/*"] } },
      }),
      "packages/b/lib/main.ts": 'import { util } from "~b/util.js";',
      "packages/b/lib/util.ts": "export const util = 1;",
    });
    expect(graph.warnings).toEqual([]);
    expect(edgeSummary(graph)).toEqual([
      { from: "packages/a/src/main.ts", to: "packages/a/src/config.ts", line: 1, kind: "runtime" },
      { from: "packages/b/lib/main.ts", to: "packages/b/lib/util.ts", line: 1, kind: "runtime" },
      { from: "shared/log.ts", to: "shared/config.ts", line: 1, kind: "runtime" },
    ]);
  });

  it("resolves each file with the tsconfig that governs it: the nearest that includes it", () => {
    const graph = extract({
      "tsconfig.json": json({
        compilerOptions: { baseUrl: ".", paths: { "@ui/*": ["packages/ui/src/*"] } },
        include: ["packages", "app/**/*.ts"],
        exclude: ["packages/legacy"],
      }),
      "packages/ui/src/button.ts": "export const button = 1;",
      "packages/ui/src/use.ts": 'import { button } from "@ui/button";',
      "packages/legacy/old.ts": 'import { button } from "@ui/button";',
      "app/main.ts": 'import { button } from "@ui/button";',
      "docs/page.ts": 'import { button } from "@ui/button";',
      "tools/tsconfig.json": json({ compilerOptions: { paths: { "@ui/*": ["../elsewhere/*"] } } }),
      "tools/build.ts": 'import { button } from "@ui/button";',
      "tools/scripts/tsconfig.json": json({ files: ["other.ts"] }),
      "tools/scripts/run.ts": 'import { button } from "@ui/button";',
    });
    expect(graph.warnings).toEqual([]);
    expect(edgeSummary(graph)).toEqual([
      { from: "app/main.ts", to: "packages/ui/src/button.ts", line: 1, kind: "runtime" },
      { from: "packages/ui/src/use.ts", to: "packages/ui/src/button.ts", line: 1, kind: "runtime" },
    ]);
  });

  it("gives a folder outside the workspace that pins a package from the registry no edge to its source", () => {
    const graph = extract({
      "package.json": json({ name: "root", workspaces: ["packages/*", "apps/*"] }),
      "tsconfig.json": json({
        compilerOptions: { paths: { "@acme/ui": ["./packages/ui/src/index.ts"] } },
      }),
      "packages/ui/package.json": json({ name: "@acme/ui", version: "2.0.0" }),
      "packages/ui/src/index.ts": "export const ui = 1;",
      "apps/web/package.json": json({ name: "web", dependencies: { "@acme/ui": "^2.0.0" } }),
      "apps/web/main.ts": 'import { ui } from "@acme/ui";',
      "docs/package.json": json({ name: "docs", dependencies: { "@acme/ui": "1.4.0" } }),
      "docs/page.ts": 'import { ui } from "@acme/ui";',
      "demo/package.json": json({ name: "demo", dependencies: { "@acme/ui": "workspace:*" } }),
      "demo/page.ts": 'import { ui } from "@acme/ui";',
    });
    expect(graph.warnings).toEqual([]);
    expect(edgeSummary(graph)).toEqual([
      { from: "apps/web/main.ts", to: "packages/ui/src/index.ts", line: 1, kind: "runtime" },
      { from: "demo/page.ts", to: "packages/ui/src/index.ts", line: 1, kind: "runtime" },
    ]);
  });

  it("matches workspace globs in linear time, however many stars they hold", () => {
    const hostile = `packages/${"*a".repeat(40)}b`;
    const folder = `packages/${"a".repeat(5_000)}`;
    const graph = extract({
      "package.json": json({ workspaces: [hostile, "libs/*"] }),
      [`${folder}/package.json`]: json({ name: "@acme/long" }),
      [`${folder}/index.ts`]: "export const a = 1;",
      "libs/core/package.json": json({ name: "@acme/core" }),
      "libs/core/index.ts": 'import { a } from "@acme/long";\nexport const core = a;',
    });
    expect(graph.edges).toEqual([]);
  });
});
