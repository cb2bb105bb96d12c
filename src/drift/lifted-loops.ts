import type { Adjacency } from "../graph/adjacency.js";
import type { Edge } from "../graph/graph.js";
import { pairKey } from "../graph/pair-key.js";
import { shortestPath } from "../graph/shortest-path.js";
import { stronglyConnected } from "../graph/strongly-connected.js";
import { byLocation } from "./graph-view.js";

/** Which group (domain, sibling package) each end of an import is in; undefined when it crosses none. */
export type GroupOf = (edge: Edge) => readonly [string, string] | undefined;

/** Imports lifted to groups: which group runs code of which, through which imports. */
export interface Lifted {
  /** `from\0to` group pair to the imports behind it, by location. */
  readonly links: ReadonlyMap<string, readonly Edge[]>;
  readonly graph: Adjacency;
  readonly componentOf: ReadonlyMap<string, number>;
}

/** Only imports that run (not type-only) make a loop of groups. */
export function liftedOf(edges: readonly Edge[], groupOf: GroupOf): Lifted {
  const links = new Map<string, Edge[]>();
  const next = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (edge.kind === "type-only") continue;
    const pair = groupOf(edge);
    if (!pair) continue;
    const key = pairKey(pair[0], pair[1]);
    links.set(key, [...(links.get(key) ?? []), edge]);
    next.set(pair[0], (next.get(pair[0]) ?? new Set()).add(pair[1]));
    if (!next.has(pair[1])) next.set(pair[1], new Set());
  }
  for (const behind of links.values()) behind.sort(byLocation);
  const graph = new Map([...next].map(([group, targets]) => [group, [...targets].sort()]));
  const componentOf = new Map<string, number>();
  stronglyConnected(graph).forEach((members, index) =>
    members.forEach((group) => componentOf.set(group, index)),
  );
  return { links, graph, componentOf };
}

/** A loop of groups the head closed: in order from the closing import, one import per hop. */
export interface NewLoop {
  readonly loop: readonly string[];
  readonly hops: readonly Edge[];
  /** Every new import between groups of the loop's component, the closing one first. */
  readonly fresh: readonly Edge[];
}

/**
 * Head components of groups whose members were not all in one base component, each as a real loop
 * through the first new import (by location) between two of its groups that were not linked at base.
 */
export function newLoops(
  base: Lifted,
  head: Lifted,
  fresh: readonly Edge[],
  groupOf: GroupOf,
): NewLoop[] {
  const byComponent = new Map<number, Edge[]>();
  for (const edge of fresh) {
    const pair = groupOf(edge);
    if (!pair || edge.kind === "type-only") continue;
    const component = head.componentOf.get(pair[0]);
    if (component === undefined || component !== head.componentOf.get(pair[1])) continue;
    byComponent.set(component, [...(byComponent.get(component) ?? []), edge]);
  }
  return [...byComponent].flatMap(([component, edges]) => {
    const members = [...head.componentOf].filter(([, index]) => index === component);
    const baseIndex = base.componentOf.get(members[0]![0]);
    const together =
      baseIndex !== undefined &&
      members.every(([group]) => base.componentOf.get(group) === baseIndex);
    if (together) return [];
    const closing = edges.find((edge) => !base.links.has(pairKey(...groupOf(edge)!))) ?? edges[0]!;
    const loop = loopThrough(head, ...groupOf(closing)!);
    const hops = loop
      .slice(1)
      .flatMap((group, index) => hopOf(head, group, loop[(index + 2) % loop.length]!));
    return [
      {
        loop,
        hops: [closing, ...hops],
        fresh: [closing, ...edges.filter((edge) => edge !== closing)],
      },
    ];
  });
}

function loopThrough(head: Lifted, from: string, to: string): string[] {
  if (from === to) return [from];
  const back = shortestPath(head.graph, to, from) ?? [to, from];
  return [from, ...back.slice(0, -1)];
}

function hopOf(head: Lifted, from: string, to: string): Edge[] {
  const edge = head.links.get(pairKey(from, to))?.[0];
  return edge ? [edge] : [];
}
