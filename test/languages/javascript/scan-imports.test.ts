import { describe, expect, it } from "vitest";
import { scanImports } from "../../../src/languages/javascript/scan-imports.js";
import { scanImportsParsed } from "../../../src/languages/javascript/scan-imports-parsed.js";

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

  it("collapses a multi-line statement onto its first line, shortened in the middle", () => {
    const names = Array.from({ length: 60 }, (_, index) => `name${index}`);
    const [found] = scan(`\n\nimport {\n  ${names.join(",\n  ")}\n} from "./many";`);
    expect(found?.line).toBe(3);
    expect(found?.text.length).toBeLessThanOrEqual(200);
    expect(found?.text).toMatch(/^import \{ name0, name1, name2,.* … \} from "\.\/many";$/);
  });

  it("never cuts the module name, however long", () => {
    const long = `./${"very-long-folder-name/".repeat(12)}module`;
    const names = Array.from({ length: 30 }, (_, index) => `name${index}`).join(", ");
    const [found] = scan(`import { ${names} } from "${long}";`);
    expect(found?.specifier).toBe(long);
    expect(found?.text).toMatch(/^import \{ name0, .* … \} from "[^"]+";$/);
    expect(found?.text.endsWith(`"${long}";`)).toBe(true);
  });

  it("marks every import of a declaration file type-only: nothing in it runs", () => {
    const source = 'import "./globals";\nimport { A } from "./a";\nexport * from "./b";';
    expect(scan(source, "src/types.d.ts").map((found) => found.kind)).toEqual([
      "type-only",
      "type-only",
      "type-only",
    ]);
    expect(scan(source, "src/types.ts").map((found) => found.kind)).toEqual([
      "runtime",
      "runtime",
      "runtime",
    ]);
  });

  const nested = (depth: number, close = true) =>
    [
      'import { a } from "./a";',
      `export const deep = ${"(".repeat(depth)}1${close ? ")".repeat(depth) : ""};`,
      'import type { B } from "./b";',
    ].join("\n");
  const summary = (result: ReturnType<typeof scanImports>) =>
    result.imports.map(({ specifier, line, kind }) => [specifier, line, kind]);

  it("reads a file nested 50,000 deep exactly: the fast scanner keeps its own bracket stack", () => {
    for (const depth of [1_000, 50_000]) {
      const result = scanImports("src/deep.ts", nested(depth));
      expect(summary(result)).toEqual([
        ["./a", 1, "runtime"],
        ["./b", 3, "type-only"],
      ]);
      expect(result.problems).toEqual([]);
    }
  });

  it("reads a file nested too deeply for TypeScript's parser with a token scan, and says so", () => {
    // An unclosed bracket sends the file to the parser, which recurses once per level.
    for (const [depth, scan] of [
      [1_000, scanImports],
      [50_000, scanImports],
      [50_000, scanImportsParsed],
    ] as const) {
      const result = scan("src/deep.ts", nested(depth, scan === scanImportsParsed));
      expect(summary(result)).toEqual([
        ["./a", 1, "runtime"],
        ["./b", 3, "runtime"],
      ]);
      expect(result.problems).toEqual([
        {
          line: 1,
          message: expect.stringMatching(/could not read this file \(nested too deeply\)/),
        },
      ]);
    }
    // The parser is left in a state that reads the next file normally.
    expect(scanImportsParsed("src/next.ts", 'import { a } from "./a";').imports).toHaveLength(1);
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
      'import { a } from "./a";\nconst broken = (1;\nimport { b } from "./b";',
    );
    expect(result.imports.map((found) => found.specifier)).toEqual(["./a", "./b"]);
    expect(result.problems).toEqual([
      { line: 2, message: expect.stringMatching(/^syntax error, imports around it still count/) },
    ]);
  });

  it("parses JSX in .js and .tsx files", () => {
    const jsx = 'import { View } from "./view";\nexport const App = () => <View />;';
    expect(scanImports("src/app.js", jsx).problems).toEqual([]);
    expect(scanImports("src/app.tsx", jsx).problems).toEqual([]);
  });
});
