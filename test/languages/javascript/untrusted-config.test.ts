import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractJavaScript } from "../../../src/languages/javascript/extract-javascript.js";
import { edgeSummary, fixtureProject, sourceFiles } from "./fixture-project.js";

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe("extractJavaScript with broken or hostile configuration", () => {
  it("still extracts with an unknown compiler option, warning and keeping the paths", async () => {
    const files = {
      "tsconfig.json": json({
        compilerOptions: { notAnOption: true, paths: { "@app/*": ["src/*"] } },
      }),
      "src/a.ts": 'import { b } from "@app/b";',
      "src/b.ts": "export const b = 1;",
    };
    const graph = await extractJavaScript({
      dir: fixtureProject(files),
      files: sourceFiles(files),
    });
    expect(edgeSummary(graph)).toEqual([
      { from: "src/a.ts", to: "src/b.ts", line: 1, kind: "runtime" },
    ]);
    expect(graph.warnings).toHaveLength(1);
    expect(graph.warnings[0]).toMatchObject({ file: "tsconfig.json", line: 3 });
    expect(graph.warnings[0]?.message).toMatch(/notAnOption/);
  });

  it("still extracts with a tsconfig that is not JSON, or extends what is missing", async () => {
    const files = {
      "tsconfig.json": '{ "compilerOptions": { "paths": { "@app/*": ["src/*"] }',
      "src/a.ts": 'import { b } from "./b";\nimport { c } from "@app/c";',
      "src/b.ts": "export const b = 1;",
      "src/c.ts": "export const c = 1;",
      "packages/x/tsconfig.json": json({ extends: "@tsconfig/strictest/tsconfig.json" }),
      "packages/x/index.ts": 'import { b } from "../../src/b";',
    };
    const graph = await extractJavaScript({
      dir: fixtureProject(files),
      files: sourceFiles(files),
    });
    expect(edgeSummary(graph)).toEqual([
      { from: "packages/x/index.ts", to: "src/b.ts", line: 1, kind: "runtime" },
      { from: "src/a.ts", to: "src/b.ts", line: 1, kind: "runtime" },
    ]);
    expect(graph.warnings.map((warning) => warning.file).sort()).toEqual([
      "packages/x/tsconfig.json",
      "tsconfig.json",
    ]);
  });

  it("never reads a tsconfig extends outside the checkout", async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "archdrift-outside-"));
    try {
      fs.writeFileSync(
        path.join(outside, "base.json"),
        json({ compilerOptions: { paths: { "@leak/*": ["src/*"] } } }),
      );
      const dir = fixtureProject({});
      const files = {
        "tsconfig.json": json({ extends: path.relative(dir, path.join(outside, "base.json")) }),
        "src/a.ts": 'import { b } from "@leak/b";',
        "src/b.ts": "export const b = 1;",
      };
      for (const [file, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), content);
      }
      const graph = await extractJavaScript({ dir, files: sourceFiles(files) });
      expect(graph.edges).toEqual([]);
      expect(graph.warnings.map((warning) => warning.file)).toEqual(["tsconfig.json"]);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it("runs none of the repository's dependency-cruiser, webpack or babel configs", async () => {
    const markers = fs.mkdtempSync(path.join(os.tmpdir(), "archdrift-marker-"));
    try {
      const trap = (name: string) =>
        `require("node:fs").writeFileSync(${JSON.stringify(path.join(markers, name))}, "ran");\n` +
        "module.exports = {};";
      const files = {
        ".dependency-cruiser.js": trap("depcruise-js"),
        ".dependency-cruiser.cjs": trap("depcruise-cjs"),
        ".dependency-cruiser.json": json({ extends: "./.dependency-cruiser.js" }),
        "webpack.config.js": trap("webpack"),
        "babel.config.js": trap("babel"),
        ".babelrc.js": trap("babelrc"),
        "package.json": json({ name: "trap", babel: { presets: ["./babel.config.js"] } }),
        "tsconfig.json": json({ extends: "./webpack.config.js" }),
        "src/index.js": 'const config = require("../webpack.config.js");',
      };
      const graph = await extractJavaScript({
        dir: fixtureProject(files),
        files: sourceFiles(files),
      });
      expect(fs.readdirSync(markers)).toEqual([]);
      expect(edgeSummary(graph)).toEqual([
        { from: "src/index.js", to: "webpack.config.js", line: 1, kind: "runtime" },
      ]);
    } finally {
      fs.rmSync(markers, { recursive: true, force: true });
    }
  });

  it("ignores listed paths that climb out of the checkout", async () => {
    const dir = fixtureProject({ "src/a.ts": "export const a = 1;" });
    const graph = await extractJavaScript({
      dir,
      files: ["src/a.ts", "../escape.ts", "/etc/x.ts"],
    });
    expect(graph.modules.map((module) => module.id)).toEqual(["src/a.ts"]);
  });
});
