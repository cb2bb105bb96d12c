import type { EdgeKind, Suppression } from "../../graph/graph.js";

/** Python has no dynamic-import syntax that we follow, so its edges are one of these three kinds. */
export type PythonEdgeKind = Exclude<EdgeKind, "dynamic">;

/**
 * One import as written in one file, before it is resolved against the modules of the repository.
 * Plain data that depends only on the file's text, so a scan can be cached by content hash.
 */
export interface RawImport {
  /** `import a.b` or `from a import b`. */
  readonly kind: "import" | "from";
  /** The dotted module after `import` or `from`, without leading dots; "" for `from . import x`. */
  readonly module: string;
  /** The number of leading dots of a relative import; 0 when absolute. */
  readonly level: number;
  /** The imported names of a from-import (`*` for a star import); empty for `import`. */
  readonly names: readonly string[];
  /** 1-based line where the statement starts. */
  readonly line: number;
  /** The statement on one line, whitespace collapsed, comments dropped. */
  readonly text: string;
  readonly edgeKind: PythonEdgeKind;
  readonly suppression?: Suppression;
}

/** A problem found in one file; the file path is added when the scan is resolved. */
export interface ScanWarning {
  readonly line: number;
  readonly message: string;
}

export interface FileScan {
  readonly imports: readonly RawImport[];
  readonly warnings: readonly ScanWarning[];
}
