import type { Language } from "../graph/graph.js";
import { compileGlobs } from "../policy/glob-matcher.js";
import type { Policy } from "../policy/policy.js";
import type { TreeEntry } from "../workspace/tree-entry.js";

const pythonFile = /\.pyi?$/;
const javascriptFile = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** Files the JavaScript resolver reads to find tsconfig paths and workspace packages. */
const javascriptSupport =
  /(?:^|\/)(?:package\.json|tsconfig[^/]*\.json|jsconfig\.json|pnpm-workspace\.yaml)$/;
const pythonMetadata = /(?:^|\/)(?:pyproject\.toml|setup\.cfg|setup\.py)$/;

/** Which extractor a file is for, by its extension: what the review's coverage counts. */
export function sourceLanguageOf(path: string): "python" | "javascript" | undefined {
  return pythonFile.test(path) ? "python" : javascriptFile.test(path) ? "javascript" : undefined;
}

/** The files of a commit that each language's extractor needs, after the policy's excludes. */
export interface SourceFiles {
  readonly python: readonly string[];
  readonly pythonMetadata: readonly string[];
  readonly javascript: readonly string[];
  readonly javascriptSupport: readonly string[];
}

export function sourceFiles(files: readonly TreeEntry[], policy: Policy): SourceFiles {
  const excluded = compileGlobs(policy.exclude);
  const wanted = (language: Language): boolean =>
    !policy.languages || policy.languages.includes(language);
  const paths = files.map((entry) => entry.path).filter((path) => !excluded(path));
  const all = files.map((entry) => entry.path).filter((path) => !path.includes("node_modules/"));
  return {
    python: wanted("python") ? paths.filter((path) => pythonFile.test(path)) : [],
    pythonMetadata: wanted("python") ? all.filter((path) => pythonMetadata.test(path)) : [],
    javascript: wanted("javascript") ? paths.filter((path) => javascriptFile.test(path)) : [],
    javascriptSupport: wanted("javascript")
      ? all.filter((path) => javascriptSupport.test(path))
      : [],
  };
}
