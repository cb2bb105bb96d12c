import type { ModuleNode } from "../../src/graph/graph.js";

/** A Python module node as the extractor would name it, from its path and source root. */
export function py(path: string, root = ""): ModuleNode {
  const below = root === "" ? path : path.slice(root.length + 1);
  const id = below
    .replace(/\.pyi?$/, "")
    .replace(/(^|\/)__init__$/, "")
    .split("/")
    .join(".");
  return { id, path, language: "python" };
}

/** A JavaScript or TypeScript module node: its id is its path, its language its extension's. */
export function js(path: string): ModuleNode {
  return {
    id: path,
    path,
    language: /\.(?:[cm]?ts|tsx)$/.test(path) ? "typescript" : "javascript",
  };
}
