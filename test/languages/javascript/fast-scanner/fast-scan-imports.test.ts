import { describe, expect, it } from "vitest";
import { scanImportsFast } from "../../../../src/languages/javascript/scan-imports-fast.js";
import { scanImportsParsed } from "../../../../src/languages/javascript/scan-imports-parsed.js";

/**
 * The fast scanner against its reference, TypeScript's parser: on every file it answers, the same
 * imports, lines, kinds and texts. Each case is a shape that fools a naive scanner.
 */
const answered: Record<string, [file: string, source: string]> = {
  "JSX text with quotes and words that look like imports": [
    "src/page.tsx",
    [
      'import { View } from "./view";',
      "export const Page = () => (",
      "  <View title='x' data-a=\"y\" {...rest}>",
      "    Don't import from './not-this' — it's \"text\" {value} <b>bold</b>",
      "    <>{cond && <View />}</>",
      "  </View>",
      ");",
      'import "./after";',
    ].join("\n"),
  ],
  "regular expressions with quotes, slashes and brackets; division": [
    "src/re.ts",
    [
      "const quote = /[\"'`]\\/import\\('x'\\)/g;",
      "const half = total / 2 / count; const again = (a + b) / c;",
      "const ok = items[0]! < limit; let n = i++ / 2;",
      'import { a } from "./a";',
      "if (/^import/.test(line)) run();",
    ].join("\n"),
  ],
  "templates, comments and strings that hold import text": [
    "src/t.ts",
    [
      "// import { no } from './comment';",
      "/* require('./block-comment') */",
      "const s = \"import x from './string'\";",
      "const t = `import ${name} from './template' ${`nested ${await import(\"./inner\")}`}`;",
      'const u = `${require("./in-template")}`;',
    ].join("\n"),
  ],
  "every declaration form and kind": [
    "src/forms.ts",
    [
      'import def, { a, type B } from "./a";',
      'import type { T } from "./types";',
      'import { type U, type V as W } from "./only-types";',
      'import type Default from "./type-default";',
      'import * as all from "./all";',
      'import type * as types from "./all-types";',
      'import {} from "./empty";',
      'import data from "./data.json" with { type: "json" };',
      'import legacy = require("./legacy");',
      'export import again = require("./again");',
      'import type typed = require("./typed");',
      "import alias = Namespace.Inner;",
      'export { b, type C } from "./b";',
      'export type { D } from "./d";',
      'export { type E } from "./e";',
      'export * from "./star";',
      'export * as ns from "./star-ns";',
      'export type * from "./star-types";',
      "export { local };",
      "export const value = import.meta.url;",
      "const type = 1, from = 2;",
      'import {\n  many,\n  names,\n} from "./multi-line"\n;',
    ].join("\n"),
  ],
  "calls: require and import() with the statement around them": [
    "src/calls.tsx",
    [
      'const a = require("./a");',
      "const { b } = require(`./b`);",
      "module.exports = { c: require('./c'), d: [require('./d')] };",
      "export async function load(): Promise<void> {",
      "  const { default: e } = await import(",
      '    /* webpackChunkName: "e" */ "./e"',
      "  );",
      '  if (ready) await import("./f");',
      '  return import("./g").then((module) => module.default);',
      "}",
      "function lazy() {",
      '  return require("./h");',
      "}",
      'const Lazy = React.lazy(() =>\n  import("./i"),\n);',
      'let worker: Promise<typeof import("./worker")> | null = null;',
      'require(name); require("./two", args); other.require("./member");',
      'const element = <Select<Value> onChange={() => import("./in-jsx")} />;',
      "const identity = <T,>(value: T) => value;",
      'const bounded = <T extends Shape | "x">(value: T) => value;',
    ].join("\n"),
  ],
  "statements without semicolons": [
    "lib/index.js",
    [
      "'use strict'",
      "const one = require('./one')",
      "const two = require('./two')",
      "",
      "// a comment",
      "module.exports = { one, two }",
    ].join("\n"),
  ],
  "a declaration file: every import() a type": [
    "types/globals.d.ts",
    [
      "declare global {",
      "  let suite: typeof import('vitest')['suite']",
      '  type Options = import("./options").Options<string>;',
      "}",
      'declare module "virtual" {',
      '  export { x } from "./x";',
      "}",
      "export {};",
    ].join("\n"),
  ],
};

const leftToTheParser: Record<string, [file: string, source: string]> = {
  "an import() type in a .ts file": ["src/a.ts", 'let options: import("./options").Options;'],
  "a reference directive": ["src/a.ts", '/// <reference path="./globals.d.ts" />\nexport {};'],
  "a require in an arrow function without braces": ["lib/a.js", 'const f = () => require("./f");'],
  "an unclosed string": ["src/a.ts", 'import { a } from "./a";\nconst s = "open;'],
  "an unclosed bracket": ["src/a.ts", 'import { a } from "./a";\nrun((1);'],
  "an escaped specifier": ["src/a.ts", 'import { a } from "./\\u0061";'],
};

describe("the fast JS/TS import scanner", () => {
  for (const [name, [file, source]] of Object.entries(answered)) {
    it(`answers as TypeScript's parser does: ${name}`, () => {
      const fast = scanImportsFast(file, source);
      expect(fast).toBeDefined();
      const reference = scanImportsParsed(file, source);
      expect(fast?.imports).toEqual(reference.imports);
      expect(fast?.imports.length).toBeGreaterThan(0);
    });
  }

  for (const [name, [file, source]] of Object.entries(leftToTheParser)) {
    it(`leaves to TypeScript's parser what it cannot be sure of: ${name}`, () => {
      expect(scanImportsFast(file, source)).toBeUndefined();
    });
  }

  it("finds the kinds a reader expects", () => {
    const kinds = Object.fromEntries(
      (
        scanImportsFast(...answered["calls: require and import() with the statement around them"]!)
          ?.imports ?? []
      ).map(({ specifier, kind }) => [specifier, kind]),
    );
    expect(kinds).toMatchObject({
      "./a": "runtime",
      "./b": "runtime",
      "./c": "runtime",
      "./e": "dynamic",
      "./h": "lazy",
      "./worker": "type-only",
      "./in-jsx": "dynamic",
    });
    expect(kinds).not.toHaveProperty("./two");
    expect(kinds).not.toHaveProperty("./member");
  });
});
