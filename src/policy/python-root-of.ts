import { moduleName, type ModuleNode } from "../graph/graph.js";

/**
 * The source root a Python module was named from: its path minus the part its dotted id spells
 * (`src/shop/orders/__init__.py` with id `shop.orders` has root `src`). Undefined for other
 * languages and for ids that do not match the path.
 */
export function pythonRootOf(module: ModuleNode): string | undefined {
  if (module.language !== "python") return undefined;
  let path = module.path.replace(/\.pyi?$/, "");
  if (path === "__init__") path = "";
  else if (path.endsWith("/__init__")) path = path.slice(0, -"/__init__".length);
  const tail = moduleName(module).split(".").join("/");
  if (path === tail) return "";
  if (tail !== "" && path.endsWith(`/${tail}`)) return path.slice(0, -tail.length - 1);
  return undefined;
}
