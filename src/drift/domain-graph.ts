import type { Edge } from "../graph/graph.js";
import { pairKey } from "../graph/pair-key.js";
import { stronglyConnected } from "../graph/strongly-connected.js";
import type { Classifier } from "./classifier.js";
import type { GraphView } from "./graph-view.js";

/** Module edges lifted to domains: which domain depends on which, and through which imports. */
export interface DomainGraph {
  /** `from\0to` domain pair to the module edges behind it, by location. */
  readonly links: ReadonlyMap<string, readonly Edge[]>;
  /** Domain to the index of its cycle among `cycles`. */
  readonly cycleOf: ReadonlyMap<string, number>;
  readonly cycles: readonly (readonly string[])[];
}

export function domainGraphOf(view: GraphView, classify: Classifier): DomainGraph {
  const links = new Map<string, Edge[]>();
  const executing = new Map<string, Set<string>>();
  for (const edge of view.graph.edges) {
    const pair = domainPair(view, classify, edge);
    if (!pair) continue;
    const key = pairKey(pair[0], pair[1]);
    const behind = links.get(key) ?? [];
    behind.push(edge);
    links.set(key, behind);
    if (edge.kind === "type-only") continue;
    executing.set(pair[0], (executing.get(pair[0]) ?? new Set()).add(pair[1]));
    if (!executing.has(pair[1])) executing.set(pair[1], new Set());
  }
  const cycles = stronglyConnected(
    new Map([...executing].map(([domain, next]) => [domain, [...next].sort()])),
  );
  const cycleOf = new Map<string, number>();
  cycles.forEach((members, index) => members.forEach((domain) => cycleOf.set(domain, index)));
  return { links, cycleOf, cycles };
}

export function domainPair(
  view: GraphView,
  classify: Classifier,
  edge: Edge,
): [string, string] | undefined {
  const from = view.modules.get(edge.from);
  const to = view.modules.get(edge.to);
  if (!from || !to) return undefined;
  const fromDomain = classify.domainOf(from);
  const toDomain = classify.domainOf(to);
  if (!fromDomain || !toDomain || fromDomain === toDomain) return undefined;
  return [fromDomain, toDomain];
}
