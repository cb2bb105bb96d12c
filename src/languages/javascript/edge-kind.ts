import type { IDependency } from "dependency-cruiser";
import type { EdgeKind } from "../../graph/graph.js";

const typeDependencyTypes = new Set(["type-only", "type-import", "pre-compilation-only"]);

/** Whether dependency-cruiser saw only imports of this module that never run. */
export function cruisedAsTypeOnly(dependencies: readonly IDependency[]): boolean {
  return dependencies.length > 0 && dependencies.every(isTypeDependency);
}

function isTypeDependency(dependency: IDependency): boolean {
  return (
    dependency.typeOnly === true ||
    dependency.preCompilationOnly === true ||
    dependency.dependencyTypes.some((type) => typeDependencyTypes.has(type))
  );
}

/** The kind of a dependency we found no statement for, from dependency-cruiser's labels alone. */
export function cruisedKind(dependency: IDependency): EdgeKind {
  if (isTypeDependency(dependency)) return "type-only";
  return dependency.dynamic || dependency.dependencyTypes.includes("dynamic-import")
    ? "dynamic"
    : "runtime";
}

const strength: Record<EdgeKind, number> = { runtime: 3, lazy: 2, dynamic: 1, "type-only": 0 };

/** Of two imports of one module on one line, the one that runs soonest decides. */
export function strongerKind(left: EdgeKind, right: EdgeKind): EdgeKind {
  return strength[left] >= strength[right] ? left : right;
}
