import type { Edge, EdgeKind } from "./graph.js";

export type Adjacency = ReadonlyMap<string, readonly string[]>;

/** Successor lists over the given edges, restricted to the edge kinds that matter to the caller. */
export function adjacency(
  nodes: Iterable<string>,
  edges: readonly Edge[],
  kinds: ReadonlySet<EdgeKind>,
): Adjacency {
  const sets = new Map<string, Set<string>>();
  for (const node of nodes) sets.set(node, new Set());
  for (const edge of edges) {
    if (!kinds.has(edge.kind)) continue;
    if (!sets.has(edge.from)) sets.set(edge.from, new Set());
    if (!sets.has(edge.to)) sets.set(edge.to, new Set());
    sets.get(edge.from)?.add(edge.to);
  }
  return new Map([...sets].map(([node, next]) => [node, [...next].sort()]));
}
