import type { Edge, Graph } from "../../../src/graph/graph.js";
import { extractPython } from "../../../src/languages/python/extract-python.js";

/** The skeleton of the shop project from DESIGN.md, under `src/`; tests add the file they look at. */
export const shop: Readonly<Record<string, string>> = {
  "src/shop/__init__.py": "",
  "src/shop/users.py": "",
  "src/shop/orders/__init__.py": "",
  "src/shop/orders/models.py": "",
  "src/shop/orders/service.py": "",
  "src/shop/payments/__init__.py": "",
  "src/shop/payments/api.py": "",
};

export function graphOf(
  files: Readonly<Record<string, string>>,
  roots: readonly string[] = ["src"],
): Promise<Graph> {
  return extractPython(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    roots,
  );
}

/** The service module of the shop with the given source; other files as in `shop` unless replaced. */
export function serviceGraph(
  source: string,
  replace: Readonly<Record<string, string | undefined>> = {},
): Promise<Graph> {
  const files = new Map(Object.entries({ ...shop, "src/shop/orders/service.py": source }));
  for (const [path, text] of Object.entries(replace)) {
    if (text === undefined) files.delete(path);
    else files.set(path, text);
  }
  return graphOf(Object.fromEntries(files));
}

/** The part of an edge the tests pin down exactly. */
export function brief(
  edges: readonly Edge[],
): { from: string; to: string; line: number; kind: string }[] {
  return edges.map(({ from, to, line, kind }) => ({ from, to, line, kind }));
}

export const service = "shop.orders.service";
