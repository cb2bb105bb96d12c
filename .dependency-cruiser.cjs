/**
 * archdrift's own boundaries, checked in CI (`npm run arch`). Each folder may import only the
 * folders listed for it; ARCHITECTURE.md explains why. This file is ours: archdrift itself never
 * loads a dependency-cruiser config from a repository it reviews.
 */
const folders = {
  graph: [],
  policy: ["graph"],
  drift: ["graph", "policy"],
  languages: ["graph"],
  report: ["graph", "policy", "drift"],
  workspace: [],
  demo: [],
  metrics: [],
  review: ["graph", "policy", "drift", "languages", "workspace", "metrics"],
  jobs: ["metrics"],
  publish: ["graph", "policy", "drift", "report"],
  github: ["graph", "policy", "drift", "report", "review", "jobs", "metrics", "publish"],
  cli: ["graph", "policy", "drift", "report", "review", "workspace", "demo", "github"],
  action: ["graph", "policy", "drift", "report", "review", "workspace", "publish"],
};

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "archdrift reports import cycles; it has none of its own.",
      from: {},
      to: { circular: true },
    },
    ...Object.entries(folders).map(([folder, allowed]) => ({
      name: `${folder}-imports-only-${allowed.join("-") || "itself"}`,
      severity: "error",
      comment: `src/${folder} may import only ${allowed.join(", ") || "nothing else in src"}.`,
      from: { path: `^src/${folder}/` },
      to: {
        path: "^src/",
        pathNot: [`^src/${folder}/`, ...allowed.map((other) => `^src/${other}/`)],
      },
    })),
    {
      name: "python-scanners-independent",
      severity: "error",
      comment:
        "The tree-sitter parser is the reference the fast scanner is tested against: neither reaches into the other; shared pieces sit in src/languages/python/.",
      from: { path: "^src/languages/python/(parser|fast-scanner)/" },
      to: {
        path: "^src/languages/python/(parser|fast-scanner)/",
        pathNot: "^src/languages/python/$1/",
      },
    },
    {
      name: "javascript-fast-scanner-without-typescript",
      severity: "error",
      comment:
        "The JS/TS fast scanner exists so that a review need not load TypeScript: it never imports it, or the parser path.",
      from: {
        path: [
          "^src/languages/javascript/fast-scanner/",
          "^src/languages/javascript/(scan-imports-fast|javascript-scan)\\.ts$",
        ],
      },
      to: {
        path: [
          "^node_modules/typescript/",
          "^src/languages/javascript/(scan-imports-parsed|import-statement-of|scan-import-tokens|typescript-module)\\.ts$",
        ],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "core-stays-pure",
      severity: "error",
      comment:
        "graph, policy, drift and report compute; only the edges touch files, processes and the network.",
      from: { path: "^src/(graph|policy|drift|report)/" },
      to: {
        dependencyTypes: ["core"],
        path: "^(fs|child_process|net|http|https|node:fs|node:child_process|node:net|node:http|node:https)",
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
