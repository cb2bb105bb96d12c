import type { Adjacency } from "../graph/adjacency.js";
import type { Edge } from "../graph/graph.js";
import { pairKey } from "../graph/pair-key.js";
import type { GraphView } from "./graph-view.js";

interface Growth {
  readonly members: readonly string[];
  readonly before: ReadonlySet<string>;
  readonly joined: readonly string[];
  readonly fresh: readonly Edge[];
}

/**
 * The imports that pulled each newcomer into a component: the new ones on a shortest path from the
 * newcomer back into the old members and on one from the old members to it. At base one of the two
 * paths did not exist, so at least one new import lies on them; an import elsewhere in the
 * component is never blamed.
 */
export function pullingEdges(head: GraphView, growth: Growth): Map<string, Edge[]> {
  const fresh = new Map<string, Edge>();
  for (const edge of growth.fresh) {
    const key = pairKey(edge.from, edge.to);
    if (!fresh.has(key)) fresh.set(key, edge);
  }
  const inside = new Set(growth.members);
  const forward = restricted(head.executing, inside, false);
  const backward = restricted(head.executing, inside, true);
  const blame = new Map<string, Edge[]>();
  for (const newcomer of growth.joined) {
    const out = pathToSet(forward, newcomer, growth.before);
    const back = pathToSet(backward, newcomer, growth.before).reverse();
    const edges = [...pathEdges(out, fresh), ...pathEdges(back, fresh)];
    blame.set(newcomer, [...new Set(edges)]);
  }
  return blame;
}

function restricted(graph: Adjacency, inside: ReadonlySet<string>, reverse: boolean): Adjacency {
  const next = new Map<string, string[]>([...inside].map((id) => [id, []]));
  for (const from of inside) {
    for (const to of graph.get(from) ?? []) {
      if (!inside.has(to)) continue;
      if (reverse) next.get(to)!.push(from);
      else next.get(from)!.push(to);
    }
  }
  return next;
}

/** Breadth-first from `start` to the nearest member of `targets`: the modules on the way, both ends included. */
function pathToSet(graph: Adjacency, start: string, targets: ReadonlySet<string>): string[] {
  const previous = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index]!;
    if (node !== start && targets.has(node)) {
      const path = [node];
      for (let step = previous.get(node); step != null; step = previous.get(step)) path.push(step);
      return path.reverse();
    }
    for (const next of graph.get(node) ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  return [];
}

function pathEdges(path: readonly string[], fresh: ReadonlyMap<string, Edge>): Edge[] {
  const edges: Edge[] = [];
  for (let index = 1; index < path.length; index++) {
    const edge = fresh.get(pairKey(path[index - 1]!, path[index]!));
    if (edge) edges.push(edge);
  }
  return edges;
}
