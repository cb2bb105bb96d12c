import { describe, expect, it } from "vitest";
import { exportsTargets } from "../../../src/languages/javascript/exports-targets.js";
import { matchTsPaths } from "../../../src/languages/javascript/match-ts-paths.js";

describe("matchTsPaths", () => {
  const config = {
    file: "tsconfig.json",
    pathsBase: "",
    paths: { "@app/*": ["src/*", "gen/*"], "@app/core/*": ["core/*"], exact: ["lib/exact.ts"] },
    coverage: { files: [], include: [""], exclude: [] },
  };

  it("takes an exact key, else the pattern with the longest prefix", () => {
    expect(matchTsPaths("exact", config)).toEqual({
      targets: ["lib/exact.ts"],
      viaPaths: true,
    });
    expect(matchTsPaths("@app/core/x", config).targets).toEqual(["core/x"]);
    expect(matchTsPaths("@app/y", config).targets).toEqual(["src/y", "gen/y"]);
  });

  it("falls back to baseUrl only when one is set", () => {
    expect(matchTsPaths("lodash", config)).toEqual({ targets: [], viaPaths: false });
    const withBase = { ...config, baseUrl: "src" };
    expect(matchTsPaths("utils/x", withBase)).toEqual({
      targets: ["src/utils/x"],
      viaPaths: false,
    });
  });
});

describe("exportsTargets", () => {
  it("reads a plain string, conditions and subpath patterns, sources first", () => {
    expect(exportsTargets("./dist/index.js", ".")).toEqual(["./dist/index.js"]);
    const exports = {
      ".": { import: "./dist/index.mjs", types: "./dist/index.d.ts", source: "./src/index.ts" },
      "./utils/*": { default: "./dist/utils/*.js" },
      "./internal/*": null,
    };
    expect(exportsTargets(exports, ".")).toEqual([
      "./src/index.ts",
      "./dist/index.d.ts",
      "./dist/index.mjs",
    ]);
    expect(exportsTargets(exports, "./utils/date")).toEqual(["./dist/utils/date.js"]);
    expect(exportsTargets(exports, "./internal/x")).toEqual([]);
    expect(exportsTargets(exports, "./missing")).toEqual([]);
  });
});
