import { describe, expect, it } from "vitest";
import { extractJavaScript } from "../../../src/languages/javascript/extract-javascript.js";
import { edgeSummary, fixtureProject, sourceFiles } from "./fixture-project.js";

async function extract(files: Record<string, string>) {
  return extractJavaScript({ dir: fixtureProject(files), files: sourceFiles(files) });
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe("extractJavaScript in a monorepo", () => {
  it("resolves npm workspace packages by name to their sources, with nothing installed", async () => {
    const graph = await extract({
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

  it("reads pnpm-workspace.yaml, honouring negated patterns", async () => {
    const graph = await extract({
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

  it("applies each package's own tsconfig paths, which dependency-cruiser ignores", async () => {
    const packageTsconfig = json({
      compilerOptions: { baseUrl: ".", paths: { "@/*": ["src/*"] } },
    });
    const graph = await extract({
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
});
