import type { Adjacency } from "./adjacency.js";

/** Breadth-first shortest path from `from` to `to` (both included), or undefined when unreachable. */
export function shortestPath(graph: Adjacency, from: string, to: string): string[] | undefined {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    if (node === to) return unwind(previous, to);
    for (const next of graph.get(node) ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  return undefined;
}

function unwind(previous: ReadonlyMap<string, string | null>, last: string): string[] {
  const path = [last];
  for (let node = previous.get(last); node != null; node = previous.get(node)) path.push(node);
  return path.reverse();
}
