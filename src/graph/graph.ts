/**
 * The dependency graph of one commit. Plain data so it can be cached as JSON and sent between processes.
 * Module ids are dotted names for Python (`shop.orders.service`) and repository-relative paths for
 * JavaScript and TypeScript (`packages/app/src/index.ts`).
 */
export type Language = "python" | "javascript";

/** runtime: runs when the module loads; type-only: never runs; lazy: inside a function; dynamic: `import()`. */
export type EdgeKind = "runtime" | "type-only" | "lazy" | "dynamic";

export interface ModuleNode {
  readonly id: string;
  /** Repository-relative path of the file, with `/` separators. */
  readonly path: string;
  readonly language: Language;
}

/** An accepted finding, written next to the import in the source. */
export interface Suppression {
  /** Rule ids, or `*` for every rule. */
  readonly rules: readonly string[];
  readonly reason: string;
  readonly line: number;
}

export interface Edge {
  readonly from: string;
  readonly to: string;
  /** Path of the importing file and the 1-based line where the import statement starts. */
  readonly file: string;
  readonly line: number;
  /** The import statement as written, on one line. */
  readonly text: string;
  readonly kind: EdgeKind;
  readonly suppression?: Suppression;
}

/** Something the extractor could not make sense of: it is reported, and the rest still counts. */
export interface ExtractionWarning {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface Graph {
  readonly modules: readonly ModuleNode[];
  readonly edges: readonly Edge[];
  readonly warnings: readonly ExtractionWarning[];
}

export const emptyGraph: Graph = { modules: [], edges: [], warnings: [] };

/** Concatenates graphs of several languages or roots; later modules with the same id are dropped. */
export function mergeGraphs(graphs: readonly Graph[]): Graph {
  const modules = new Map<string, ModuleNode>();
  for (const graph of graphs) {
    for (const module of graph.modules) if (!modules.has(module.id)) modules.set(module.id, module);
  }
  return {
    modules: [...modules.values()],
    edges: graphs.flatMap((graph) => graph.edges),
    warnings: graphs.flatMap((graph) => graph.warnings),
  };
}
