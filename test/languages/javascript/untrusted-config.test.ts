import { describe, expect, it } from "vitest";
import { edgeSummary, extractFixture } from "./fixture-project.js";

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe("extractJavaScript with broken or hostile configuration", () => {
  it("still extracts with an unknown compiler option, warning and keeping the paths", () => {
    const graph = extractFixture({
      "tsconfig.json": json({
        compilerOptions: { notAnOption: true, paths: { "@app/*": ["src/*"] } },
      }),
      "src/a.ts": 'import { b } from "@app/b";',
      "src/b.ts": "export const b = 1;",
    });
    expect(edgeSummary(graph)).toEqual([
      { from: "src/a.ts", to: "src/b.ts", line: 1, kind: "runtime" },
    ]);
    expect(graph.warnings).toHaveLength(1);
    expect(graph.warnings[0]).toMatchObject({ file: "tsconfig.json", line: 3 });
    expect(graph.warnings[0]?.message).toMatch(/notAnOption/);
  });

  it("still extracts with a tsconfig that is not JSON, or extends a file that is missing", () => {
    const graph = extractFixture({
      "tsconfig.json": '{ "compilerOptions": { "paths": { "@app/*": ["src/*"] }',
      "src/a.ts": 'import { b } from "./b";\nimport { c } from "@app/c";',
      "src/b.ts": "export const b = 1;",
      "src/c.ts": "export const c = 1;",
      "packages/x/tsconfig.json": json({ extends: "./base.json" }),
      "packages/x/index.ts": 'import { b } from "../../src/b";',
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

  it("says nothing of an extends that names a package: nothing is ever installed", () => {
    const graph = extractFixture({
      "tsconfig.json": json({
        extends: "@tsconfig/strictest/tsconfig.json",
        compilerOptions: { paths: { "@app/*": ["src/*"] } },
      }),
      "src/a.ts": 'import { b } from "@app/b";',
      "src/b.ts": "export const b = 1;",
    });
    expect(graph.warnings).toEqual([]);
    expect(edgeSummary(graph)).toEqual([
      { from: "src/a.ts", to: "src/b.ts", line: 1, kind: "runtime" },
    ]);
  });

  it("finds nothing outside the commit through extends, paths or baseUrl", () => {
    const graph = extractFixture({
      "tsconfig.json": json({
        extends: "../../../../etc/archdrift-base.json",
        compilerOptions: { baseUrl: "/", paths: { "@up/*": ["../../*"] } },
      }),
      "src/a.ts": [
        'import host from "etc/hostname";',
        'import up from "@up/src/b";',
        'import out from "../../outside";',
      ].join("\n"),
      "src/b.ts": "export const b = 1;",
    });
    expect(graph.edges).toEqual([]);
    expect(graph.warnings.map(({ file, line, message }) => [file, line, message])).toEqual([
      ["tsconfig.json", 1, expect.stringMatching(/Cannot read file/)],
      ["src/a.ts", 3, 'cannot resolve "../../outside"'],
    ]);
  });
});
