import { describe, expect, it } from "vitest";
import { extractJavaScript } from "../../../src/languages/javascript/extract-javascript.js";
import { edgeSummary, fixtureProject, sourceFiles } from "./fixture-project.js";

async function extract(files: Record<string, string>, exclude?: string[]) {
  const dir = fixtureProject(files);
  const options = { dir, files: sourceFiles(files) };
  return extractJavaScript(exclude ? { ...options, exclude } : options);
}

describe("extractJavaScript", () => {
  it("resolves tsconfig paths and reports each import's line and text", async () => {
    const graph = await extract({
      "tsconfig.json": JSON.stringify({ compilerOptions: { paths: { "@app/*": ["src/*"] } } }),
      "src/main.ts": [
        "// entry",
        'import { helper } from "@app/util/helper";',
        "import {",
        "  thing,",
        '} from "@app/thing";',
      ].join("\n"),
      "src/util/helper.ts": "export const helper = 1;",
      "src/thing/index.ts": "export const thing = 2;",
    });
    expect(graph.warnings).toEqual([]);
    expect(graph.modules.map((module) => module.id)).toEqual([
      "src/main.ts",
      "src/thing/index.ts",
      "src/util/helper.ts",
    ]);
    expect(graph.edges).toEqual([
      {
        from: "src/main.ts",
        to: "src/util/helper.ts",
        file: "src/main.ts",
        line: 2,
        text: 'import { helper } from "@app/util/helper";',
        kind: "runtime",
      },
      {
        from: "src/main.ts",
        to: "src/thing/index.ts",
        file: "src/main.ts",
        line: 3,
        text: 'import { thing, } from "@app/thing";',
        kind: "runtime",
      },
    ]);
  });

  it("resolves NodeNext-style .js imports to the .ts sources", async () => {
    const graph = await extract({
      "package.json": JSON.stringify({ type: "module" }),
      "src/index.ts": 'import { a } from "./a.js";\nexport * from "./b.mjs";',
      "src/a.ts": "export const a = 1;",
      "src/b.mts": "export const b = 1;",
    });
    expect(edgeSummary(graph)).toEqual([
      { from: "src/index.ts", to: "src/a.ts", line: 1, kind: "runtime" },
      { from: "src/index.ts", to: "src/b.mts", line: 2, kind: "runtime" },
    ]);
  });

  it("marks CommonJS requires runtime at the top level and lazy inside functions", async () => {
    const graph = await extract({
      "lib/index.js": [
        'const a = require("./a");',
        "function later() {",
        '  return require("./b");',
        "}",
        "module.exports = { a, later };",
      ].join("\n"),
      "lib/a.js": "module.exports = 1;",
      "lib/b.js": "module.exports = 2;",
    });
    expect(graph.edges.map(({ to, line, kind, text }) => ({ to, line, kind, text }))).toEqual([
      { to: "lib/a.js", line: 1, kind: "runtime", text: 'const a = require("./a");' },
      { to: "lib/b.js", line: 3, kind: "lazy", text: 'return require("./b");' },
    ]);
  });

  it("gives dynamic imports and type-only imports their own kinds, one edge per line", async () => {
    const graph = await extract({
      "src/app.ts": [
        'import type { Config } from "./config";',
        'import { load } from "./config";',
        'import { type Shape } from "./shape";',
        'type Lazy = typeof import("./shape");',
        'export const page = () => import("./page");',
        'import { render } from "./page";',
      ].join("\n"),
      "src/config.ts": "export type Config = {}; export const load = () => ({});",
      "src/shape.ts": "export type Shape = {};",
      "src/page.ts": "export const render = 1;",
    });
    expect(edgeSummary(graph)).toEqual([
      { from: "src/app.ts", to: "src/config.ts", line: 1, kind: "type-only" },
      { from: "src/app.ts", to: "src/config.ts", line: 2, kind: "runtime" },
      { from: "src/app.ts", to: "src/shape.ts", line: 3, kind: "type-only" },
      { from: "src/app.ts", to: "src/shape.ts", line: 4, kind: "type-only" },
      { from: "src/app.ts", to: "src/page.ts", line: 5, kind: "dynamic" },
      { from: "src/app.ts", to: "src/page.ts", line: 6, kind: "runtime" },
    ]);
  });

  it("treats uninstalled packages and node builtins as external: no edge, no warning", async () => {
    const graph = await extract({
      "src/view.tsx": [
        'import React from "react";',
        'import { readFile } from "node:fs";',
        'import path from "path";',
        'import { local } from "./local";',
        "export const View = () => <div>{local}</div>;",
      ].join("\n"),
      "src/local.ts": "export const local = 1;",
    });
    expect(graph.warnings).toEqual([]);
    expect(edgeSummary(graph)).toEqual([
      { from: "src/view.tsx", to: "src/local.ts", line: 4, kind: "runtime" },
    ]);
  });

  it("warns about a relative import of a missing file and ignores non-code files", async () => {
    const graph = await extract({
      "src/a.ts":
        'import "./styles.css";\nimport data from "./data.json";\nimport { x } from "./gone";',
      "src/styles.css": "body {}",
      "src/data.json": "{}",
    });
    expect(graph.edges).toEqual([]);
    expect(graph.warnings).toEqual([
      { file: "src/a.ts", line: 3, message: 'cannot resolve "./gone"' },
    ]);
  });

  it("reports a syntax error and still counts the file's imports", async () => {
    const graph = await extract({
      "src/broken.ts": 'import { a } from "./a";\nconst = ;\nimport { b } from "./b";',
      "src/a.ts": "export const a = 1;",
      "src/b.ts": "export const b = 1;",
    });
    expect(edgeSummary(graph).map((edge) => edge.to)).toEqual(["src/a.ts", "src/b.ts"]);
    expect(graph.warnings).toHaveLength(1);
    expect(graph.warnings[0]).toMatchObject({ file: "src/broken.ts", line: 2 });
    expect(graph.warnings[0]?.message).toMatch(/syntax error/);
  });

  it("leaves out excluded files, as sources and as targets", async () => {
    const graph = await extract(
      {
        "src/a.ts": 'import { b } from "./b";\nimport { t } from "../tests/t";',
        "src/b.ts": "export const b = 1;",
        "tests/t.ts": 'import { a } from "../src/a";\nexport const t = 1;',
      },
      ["tests/**"],
    );
    expect(graph.modules.map((module) => module.id)).toEqual(["src/a.ts", "src/b.ts"]);
    expect(edgeSummary(graph)).toEqual([
      { from: "src/a.ts", to: "src/b.ts", line: 1, kind: "runtime" },
    ]);
    expect(graph.warnings).toEqual([]);
  });
});
