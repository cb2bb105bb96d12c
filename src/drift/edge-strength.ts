import type { Edge, EdgeKind } from "../graph/graph.js";

/**
 * How much of the program an import can break: a type-only import never runs, a lazy one (inside a
 * function, `lazy import`, `import()`) runs after every module has loaded, a runtime one runs while
 * its module loads. An import whose pair existed at base but is stronger now is new at its new level.
 */
export type Strength = 0 | 1 | 2;

export const typeOnlyStrength: Strength = 0;
export const executingStrength: Strength = 1;
export const importTimeStrength: Strength = 2;

export function strengthOf(kind: EdgeKind): Strength {
  if (kind === "runtime") return importTimeStrength;
  return kind === "type-only" ? typeOnlyStrength : executingStrength;
}

/** What happened to an import between base and head, in words a reviewer recognises. */
export function describeChange(edge: Edge, before: Edge | undefined): string {
  if (!before) return `${edge.from} → ${edge.to} is a new import`;
  const where = `${before.file}:${before.line}`;
  if (before.kind === "type-only" && edge.kind === "runtime")
    return `this import left its if TYPE_CHECKING: block (type-only at base, ${where})`;
  if (before.kind === "type-only")
    return `this import left its if TYPE_CHECKING: block and now runs inside a function (type-only at base, ${where})`;
  if (before.kind === "dynamic")
    return `this import() became a static import that runs at load time (dynamic at base, ${where})`;
  return `this import moved from inside a function to module level (lazy at base, ${where})`;
}

/**
 * The base import a head import replaced: of the pair's base imports, one whose kind the head no
 * longer has as often (the TYPE_CHECKING import that left its block), strongest first; else the
 * pair's strongest. Undefined for a new pair.
 */
export function previousOf(
  baseEdges: readonly Edge[],
  headEdges: readonly Edge[],
): Edge | undefined {
  const left = new Map<EdgeKind, number>();
  for (const head of headEdges) left.set(head.kind, (left.get(head.kind) ?? 0) + 1);
  const vanished = baseEdges.filter((base) => {
    const count = left.get(base.kind) ?? 0;
    left.set(base.kind, count - 1);
    return count <= 0;
  });
  const strongestFirst = (list: readonly Edge[]) =>
    [...list].sort((a, b) => strengthOf(b.kind) - strengthOf(a.kind))[0];
  return strongestFirst(vanished) ?? strongestFirst(baseEdges);
}
