import type { Edge, ExtractionWarning, Graph, ModuleNode } from "../../graph/graph.js";
import { buildFileEdges } from "./build-file-edges.js";
import { languageOf } from "./javascript-extensions.js";
import type { JavaScriptProject } from "./javascript-project.js";
import type { JavaScriptScan } from "./scan-imports.js";

export interface ExtractJavaScriptOptions {
  readonly project: JavaScriptProject;
  /** The JS and TS files under review, repo paths; each becomes a module. */
  readonly files: readonly string[];
  /**
   * Only these files get edges and per-file warnings (all by default): an incremental run keeps
   * the other files' edges from before. Every file still counts as a module and a target.
   */
  readonly extract?: readonly string[];
  /** The scan of a file to extract (see `scanImports`), which the caller may have kept. */
  readonly scanOf: (file: string) => JavaScriptScan;
}

/**
 * The module graph of the given JS/TS files: each file's imports (scanned once, by the caller's
 * choice of cache) resolved in memory against the project. Edges never point outside `files`;
 * problems become warnings, repository-level ones first; nothing here throws for anything in the
 * commit.
 */
export function extractJavaScript(options: ExtractJavaScriptOptions): Graph {
  const files = [...new Set(options.files)].sort();
  const edges: Edge[] = [];
  const warnings: ExtractionWarning[] = [...options.project.warnings];
  for (const file of options.extract ? [...options.extract].sort() : files) {
    const found = buildFileEdges(options.project, file, options.scanOf(file));
    // A file can give 100,000 edges: spread as call arguments, they would overflow the stack.
    for (const edge of found.edges) edges.push(edge);
    for (const warning of found.warnings) warnings.push(warning);
  }
  return { modules: files.map(moduleNode), edges, warnings };
}

function moduleNode(file: string): ModuleNode {
  return { id: file, path: file, language: languageOf(file) };
}
