import type { Edge } from "../graph/graph.js";

/** One arrow per module pair: several imports of one module draw once. */
export function edgeKey(edge: Pick<Edge, "from" | "to">): string {
  return `${edge.from}\u0000${edge.to}`;
}
