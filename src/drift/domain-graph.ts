import type { Edge } from "../graph/graph.js";
import { pairKey } from "../graph/pair-key.js";
import type { Classifier } from "./classifier.js";
import type { GraphView } from "./graph-view.js";

/** Module edges lifted to domains: which domain depends on which, and through which imports. */
export interface DomainGraph {
  /** `from\0to` domain pair to the module edges behind it, by location. */
  readonly links: ReadonlyMap<string, readonly Edge[]>;
}

export function domainGraphOf(view: GraphView, classify: Classifier): DomainGraph {
  const links = new Map<string, Edge[]>();
  for (const edge of view.graph.edges) {
    const pair = domainPair(view, classify, edge);
    if (!pair) continue;
    const key = pairKey(pair[0], pair[1]);
    const behind = links.get(key) ?? [];
    behind.push(edge);
    links.set(key, behind);
  }
  return { links };
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
