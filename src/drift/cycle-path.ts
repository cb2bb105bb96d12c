import type { Adjacency } from "../graph/adjacency.js";
import type { Edge } from "../graph/graph.js";
import { pairKey } from "../graph/pair-key.js";
import { shortestPath } from "../graph/shortest-path.js";
import { listText, loopText } from "./cycle-text.js";
import { previousOf, strengthOf } from "./edge-strength.js";
import type { RuleContext } from "./rule-context.js";
import type { GraphView } from "./graph-view.js";

/** The modules of the shortest cycle through an edge, in import order, starting at its importer. */
export function cycleThrough(graph: Adjacency, edge: Edge): string[] {
  if (edge.from === edge.to) return [edge.from];
  const back = shortestPath(graph, edge.to, edge.from) ?? [edge.to, edge.from];
  return [edge.from, ...back.slice(0, -1)];
}

/**
 * The import behind each hop of a loop (`modules` in import order, closed back to the first), the
 * given edge for the first hop: every hop is a real import a reviewer can open.
 */
export function hopsOf(view: GraphView, modules: readonly string[], first: Edge): Edge[] {
  const hops = [first];
  for (let index = 1; index < modules.length; index++) {
    const from = modules[index]!;
    const to = modules[(index + 1) % modules.length]!;
    const edge = view.strongest.get(pairKey(from, to));
    if (edge) hops.push(edge);
  }
  return hops;
}

export function locationOf(edge: Edge): string {
  return `${edge.file}:${edge.line}`;
}

/** `a → b at src/a.py:3, b → a at src/b.py:7`, cut in the middle when long. */
export function hopsText(hops: readonly Edge[]): string {
  return listText(
    hops.map((edge) => `${edge.from} → ${edge.to} at ${locationOf(edge)}${kindNote[edge.kind]}`),
  );
}

/** Which hops run later or never: a reader sees where a loop stops closing at import time. */
const kindNote: Readonly<Record<Edge["kind"], string>> = {
  runtime: "",
  lazy: " (inside a function)",
  dynamic: " (import())",
  "type-only": " (type-only)",
};

/** The loop and its imports: `a → b → a (imports: a → b at src/a.py:3, …)`. */
export function loopWithHops(modules: readonly string[], hops: readonly Edge[]): string {
  return `${loopText(modules)} (imports: ${hopsText(hops)})`;
}

/** Head edges at least as strong as `level` that were weaker (or absent) at base, by location. */
export function freshEdges(stronger: readonly Edge[], level: number, base: GraphView): Edge[] {
  return stronger.filter((edge) => {
    const before = base.strongest.get(pairKey(edge.from, edge.to));
    return strengthOf(edge.kind) >= level && (!before || strengthOf(before.kind) < level);
  });
}

/** What the base had where the head has `edge`: see `previousOf`. */
export function previousImport(context: RuleContext, edge: Edge): Edge | undefined {
  const samePair = (other: Edge) => other.from === edge.from && other.to === edge.to;
  return previousOf(
    context.base.graph.edges.filter(samePair),
    context.head.graph.edges.filter(samePair),
  );
}
