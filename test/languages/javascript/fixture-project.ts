import picomatch from "picomatch";
import type { Edge, Graph } from "../../../src/graph/graph.js";
import { extractJavaScript } from "../../../src/languages/javascript/extract-javascript.js";
import { javascriptProject } from "../../../src/languages/javascript/javascript-project.js";
import { scanImports } from "../../../src/languages/javascript/scan-imports.js";

const sourceFile = /\.[cm]?[jt]sx?$/;
const supportFile =
  /(?:^|\/)(?:package\.json|tsconfig[^/]*\.json|jsconfig\.json|pnpm-workspace\.yaml)$/;

/**
 * The graph of a project given as its files' texts, as a review builds it from a commit: every
 * path exists, the JS and TS files outside `exclude` are the modules.
 */
export function extractFixture(
  files: Readonly<Record<string, string>>,
  exclude: readonly string[] = [],
): Graph {
  const paths = Object.keys(files);
  const excluded = picomatch([...exclude], { dot: true });
  const modules = paths.filter((path) => sourceFile.test(path) && !excluded(path));
  const support = new Map(
    paths.filter((path) => supportFile.test(path)).map((path) => [path, files[path] ?? ""]),
  );
  const project = javascriptProject({ paths, modules, support });
  return extractJavaScript({
    project,
    files: modules,
    scanOf: (file) => scanImports(file, files[file] ?? ""),
  });
}

/** Edges reduced to what most assertions compare. */
export function edgeSummary(graph: Graph): Pick<Edge, "from" | "to" | "line" | "kind">[] {
  return graph.edges
    .map(({ from, to, line, kind }) => ({ from, to, line, kind }))
    .sort((left, right) => left.from.localeCompare(right.from) || left.line - right.line);
}
