import type { ICruiseOptions } from "dependency-cruiser";
import { javascriptExtensions } from "./javascript-extensions.js";

/**
 * dependency-cruiser options, built here and only here: nothing is read from the checkout, so no
 * `.dependency-cruiser.js`, webpack or babel config of the analysed repository ever runs.
 */
export function cruiseOptions(
  dir: string,
  excludePatterns: readonly string[],
  tsConfigFile: string | undefined,
): ICruiseOptions {
  return {
    baseDir: dir,
    // Keeps type-only imports, which the transpiling parser drops, and is about twice as fast.
    tsPreCompilationDeps: true,
    // The default cache folder sits inside the checkout, and the cache is all or nothing anyway.
    cache: false,
    // We find cycles ourselves; dependency-cruiser's own search took most of a run's time.
    skipAnalysisNotInRules: true,
    moduleSystems: ["es6", "cjs", "tsd"],
    // Every file we want is passed in; following imports would only parse files nobody asked for.
    doNotFollow: { path: "." },
    exclude: { path: ["(^|/)node_modules/", ...excludePatterns] },
    // JSDoc imports would switch every file to the slower tsc parser; they are types only.
    detectJSDocImports: false,
    combinedDependencies: false,
    // Never resolve a symlink, even though a materialised checkout should hold none.
    preserveSymlinks: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["source", "types", "import", "require", "node", "default"],
      extensions: [...javascriptExtensions],
      mainFields: ["source", "types", "typings", "module", "main"],
    },
    ...(tsConfigFile === undefined ? {} : { tsConfig: { fileName: tsConfigFile } }),
    progress: { type: "none" },
  };
}
