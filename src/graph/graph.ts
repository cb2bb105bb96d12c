/**
 * The dependency graph of one commit. Plain data so it can be cached as JSON and sent between processes.
 * Module ids are dotted names for Python (`shop.orders.service`) and repository-relative paths for
 * JavaScript and TypeScript (`packages/app/src/index.ts`). A Python module of a service namespace
 * whose package names another service also uses carries the namespace in its id (see `ModuleNode`).
 */
export type Language = "python" | "javascript" | "typescript";

/** runtime: runs when the module loads; type-only: never runs; lazy: inside a function; dynamic: `import()`. */
export type EdgeKind = "runtime" | "type-only" | "lazy" | "dynamic";

export interface ModuleNode {
  /**
   * Unique in the graph, and the name every report shows. Python: the dotted module name, written
   * `<namespace>: <dotted name>` when `namespace` is set (`order-service: app.models`).
   */
  readonly id: string;
  /** Repository-relative path of the file, with `/` separators. */
  readonly path: string;
  readonly language: Language;
  /**
   * Python only: the service whose interpreter imports this module (the service folder's name,
   * `order-service`, or its path when two services share a name), set only where it is needed to
   * tell modules apart: when two services of one repository define the same top-level package
   * (`services/<name>/app`). Modules of different namespaces never share a package, even when their
   * dotted names start alike. Absent in a single-service repository, for shared roots, and for
   * services whose package names are their own.
   */
  readonly namespace?: string;
}

/** The module's dotted Python name without its namespace (`app.models`); other modules: the id. */
export function moduleName(module: Pick<ModuleNode, "id" | "namespace">): string {
  return module.namespace === undefined ? module.id : module.id.slice(module.namespace.length + 2);
}

/** The id of a module named `name` in `namespace` (see `ModuleNode.id`). */
export function namespacedId(namespace: string | undefined, name: string): string {
  return namespace === undefined ? name : `${namespace}: ${name}`;
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
  /**
   * Warnings with the same cause are one problem seen many times (every import of a missing file):
   * reports show them as one line with a count, and list each one only in JSON.
   */
  readonly cause?: string;
}

/**
 * A source file an extractor was given and made no module of. Files excluded by the policy never
 * reach an extractor; these are the rest, so that every source file of a commit is either a module,
 * excluded by a named rule, or counted as not reviewed with its reason (see the review's coverage).
 */
export interface UnreviewedFile {
  readonly file: string;
  /** Why, shared by every file with the same cause (the report groups by it), e.g. `outside every Python source root`. */
  readonly reason: string;
}

export interface Graph {
  readonly modules: readonly ModuleNode[];
  readonly edges: readonly Edge[];
  readonly warnings: readonly ExtractionWarning[];
  /** Absent when every file given became a module. */
  readonly unreviewed?: readonly UnreviewedFile[];
}

export const emptyGraph: Graph = { modules: [], edges: [], warnings: [] };

/** Concatenates graphs of several languages or roots; later modules with the same id are dropped. */
export function mergeGraphs(graphs: readonly Graph[]): Graph {
  const modules = new Map<string, ModuleNode>();
  for (const graph of graphs) {
    for (const module of graph.modules) if (!modules.has(module.id)) modules.set(module.id, module);
  }
  const unreviewed = graphs.flatMap((graph) => graph.unreviewed ?? []);
  return {
    modules: [...modules.values()],
    edges: graphs.flatMap((graph) => graph.edges),
    warnings: graphs.flatMap((graph) => graph.warnings),
    ...(unreviewed.length > 0 ? { unreviewed } : {}),
  };
}
