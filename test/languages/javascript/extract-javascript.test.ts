import { describe, expect, it } from "vitest";
import { edgeSummary, extractFixture } from "./fixture-project.js";

const extract = extractFixture;

describe("extractJavaScript", () => {
  it("resolves tsconfig paths and reports each import's line and text", () => {
    const graph = extract({
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

  it("resolves NodeNext-style .js imports to the .ts sources", () => {
    const graph = extract({
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

  it("marks CommonJS requires runtime at the top level and lazy inside functions", () => {
    const graph = extract({
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

  it("gives dynamic imports and type-only imports their own kinds, one edge per line", () => {
    const graph = extract({
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

  it("treats uninstalled packages and node builtins as external: no edge, no warning", () => {
    const graph = extract({
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

  it("resolves imports of assets and JSON modules to their files, without a warning", () => {
    const graph = extract({
      "src/a.tsx": [
        'import "./styles.css";',
        'import classes from "./a.module.scss";',
        'import font from "../fonts/Virgil.woff2";',
        'import logo from "./logo.svg?url";',
        'import shader from "./shader.glsl?raw";',
        'import en from "./locales/en.json";',
        'const data = require("./data");',
        'import schema from "./schema.graphql";',
        'import wasm from "./codec.wasm";',
        'import made from "./generated.css";',
        'import { b } from "./b";',
      ].join("\n"),
      "src/b.ts": "export const b = 1;",
      "src/styles.css": "body {}",
      "src/a.module.scss": ".a {}",
      "fonts/Virgil.woff2": "",
      "src/logo.svg": "<svg/>",
      "src/shader.glsl": "",
      "src/locales/en.json": "{}",
      "src/data.json": "{}",
      "src/schema.graphql": "type Query { a: Int }",
      "src/codec.wasm": "",
    });
    expect(graph.warnings).toEqual([]);
    expect(edgeSummary(graph)).toEqual([
      { from: "src/a.tsx", to: "src/b.ts", line: 11, kind: "runtime" },
    ]);
  });

  it("warns about an import of a missing module, one cause for many imports", () => {
    const graph = extract({
      "src/a.ts": 'import { x } from "./gone";\nimport { y } from "../../../../up";',
      "src/b.ts": 'import { x } from "./gone";',
    });
    expect(graph.edges).toEqual([]);
    expect(graph.warnings).toEqual([
      {
        file: "src/a.ts",
        line: 1,
        message: 'cannot resolve "./gone"',
        cause: "imports of files that are not in the commit",
      },
      {
        file: "src/a.ts",
        line: 2,
        message: 'cannot resolve "../../../../up"',
        cause: "imports that climb out of the repository",
      },
      {
        file: "src/b.ts",
        line: 1,
        message: 'cannot resolve "./gone"',
        cause: "imports of files that are not in the commit",
      },
    ]);
  });

  it("cannot be crashed by a probe through a file: `./a.ts/foo` just does not resolve", () => {
    const graph = extract({
      "src/a.ts": "export const a = 1;",
      "src/b.ts": 'import x from "./a.ts/foo";\nimport { a } from "./a";',
    });
    expect(edgeSummary(graph)).toEqual([
      { from: "src/b.ts", to: "src/a.ts", line: 2, kind: "runtime" },
    ]);
    expect(graph.warnings.map((warning) => warning.message)).toEqual([
      'cannot resolve "./a.ts/foo"',
    ]);
  });

  it("says typescript or javascript for each module, by its extension", () => {
    const graph = extract({
      "a.ts": "",
      "b.tsx": "",
      "c.mts": "",
      "d.d.ts": "",
      "e.js": "",
      "f.jsx": "",
      "g.cjs": "",
    });
    expect(graph.modules.map(({ id, language }) => [id, language])).toEqual([
      ["a.ts", "typescript"],
      ["b.tsx", "typescript"],
      ["c.mts", "typescript"],
      ["d.d.ts", "typescript"],
      ["e.js", "javascript"],
      ["f.jsx", "javascript"],
      ["g.cjs", "javascript"],
    ]);
  });

  it("reports a syntax error and still counts the file's imports", () => {
    const graph = extract({
      "src/broken.ts": 'import { a } from "./a";\nconst s = "unclosed;\nimport { b } from "./b";',
      "src/a.ts": "export const a = 1;",
      "src/b.ts": "export const b = 1;",
    });
    expect(edgeSummary(graph).map((edge) => edge.to)).toEqual(["src/a.ts", "src/b.ts"]);
    expect(graph.warnings).toHaveLength(1);
    expect(graph.warnings[0]).toMatchObject({ file: "src/broken.ts", line: 2 });
    expect(graph.warnings[0]?.message).toMatch(/syntax error/);
  });

  it("leaves out excluded files, as sources and as targets, without a warning", () => {
    const graph = extract(
      {
        "src/a.ts": 'import { b } from "./b";\nimport { t } from "../tests/t";',
        "src/b.ts": "export const b = 1;",
        "tests/t.ts": 'import { a } from "../src/a";\nimport { g } from "./gone";',
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
