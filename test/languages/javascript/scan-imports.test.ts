import { describe, expect, it } from "vitest";
import { scanImports } from "../../../src/languages/javascript/scan-imports.js";

const scan = (source: string, fileName = "src/file.ts") => scanImports(fileName, source).imports;

describe("scanImports", () => {
  it("finds every import form with its line, one-line text and kind", () => {
    const source = [
      '/// <reference path="./globals.d.ts" />',
      'import def, { a } from "./a";',
      'import type { T } from "./types";',
      'export { b } from "./b";',
      'export type { U } from "./types";',
      'export * as all from "./all";',
      'import legacy = require("./legacy");',
      'import "./side-effect";',
      "const text = 'import x from \"./not-an-import\"';",
      '// import y from "./commented";',
      'type Lazy = typeof import("./lazy");',
    ].join("\n");
    expect(scan(source)).toEqual([
      {
        specifier: "./globals.d.ts",
        line: 1,
        kind: "type-only",
        text: '/// <reference path="./globals.d.ts" />',
      },
      { specifier: "./a", line: 2, kind: "runtime", text: 'import def, { a } from "./a";' },
      {
        specifier: "./types",
        line: 3,
        kind: "type-only",
        text: 'import type { T } from "./types";',
      },
      { specifier: "./b", line: 4, kind: "runtime", text: 'export { b } from "./b";' },
      {
        specifier: "./types",
        line: 5,
        kind: "type-only",
        text: 'export type { U } from "./types";',
      },
      { specifier: "./all", line: 6, kind: "runtime", text: 'export * as all from "./all";' },
      {
        specifier: "./legacy",
        line: 7,
        kind: "runtime",
        text: 'import legacy = require("./legacy");',
      },
      { specifier: "./side-effect", line: 8, kind: "runtime", text: 'import "./side-effect";' },
      {
        specifier: "./lazy",
        line: 11,
        kind: "type-only",
        text: 'type Lazy = typeof import("./lazy");',
      },
    ]);
  });

  it("collapses a multi-line statement onto its first line and cuts it at 200 characters", () => {
    const names = Array.from({ length: 60 }, (_, index) => `name${index}`);
    const [found] = scan(`\n\nimport {\n  ${names.join(",\n  ")}\n} from "./many";`);
    expect(found?.line).toBe(3);
    expect(found?.text).toHaveLength(200);
    expect(found?.text.startsWith("import { name0, name1, name2,")).toBe(true);
  });

  it("tells top-level, lazy and dynamic loads apart in JavaScript", () => {
    const source = [
      'const a = require("./a");',
      "module.exports = {",
      "  load() {",
      '    return require("./b");',
      "  },",
      '  page: () => import("./c"),',
      "};",
      'require(name); require("./x", extra);',
    ].join("\n");
    expect(
      scan(source, "lib/index.js").map(({ specifier, line, kind }) => [specifier, line, kind]),
    ).toEqual([
      ["./a", 1, "runtime"],
      ["./b", 4, "lazy"],
      ["./c", 6, "dynamic"],
    ]);
  });

  it("reports the first syntax error and keeps the imports around it", () => {
    const result = scanImports(
      "a.ts",
      'import { a } from "./a";\nlet = ;\nimport { b } from "./b";',
    );
    expect(result.imports.map((found) => found.specifier)).toEqual(["./a", "./b"]);
    expect(result.syntaxError?.line).toBe(2);
  });

  it("parses JSX in .js and .tsx files", () => {
    const jsx = 'import { View } from "./view";\nexport const App = () => <View />;';
    expect(scanImports("src/app.js", jsx).syntaxError).toBeUndefined();
    expect(scanImports("src/app.tsx", jsx).syntaxError).toBeUndefined();
  });
});
