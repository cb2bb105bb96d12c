import { adjacency, type Adjacency } from "../graph/adjacency.js";
import type { Edge, EdgeKind, Graph, ModuleNode } from "../graph/graph.js";
import { pairKey } from "../graph/pair-key.js";
import { stronglyConnected } from "../graph/strongly-connected.js";

/** Edges that run code when a module loads, or later: type-only imports never make a runtime cycle. */
const executingKinds: ReadonlySet<EdgeKind> = new Set(["runtime", "lazy", "dynamic"]);
const importTimeKinds: ReadonlySet<EdgeKind> = new Set(["runtime"]);

/** A graph with the indexes the rules share, computed once. */
export interface GraphView {
  readonly graph: Graph;
  readonly modules: ReadonlyMap<string, ModuleNode>;
  readonly pairs: ReadonlySet<string>;
  readonly executing: Adjacency;
  readonly importTime: Adjacency;
  /** Components of the executing graph (import-time and lazy cycles together). */
  readonly components: readonly (readonly string[])[];
  /** Module id to the index of its component in `components`. */
  readonly componentOf: ReadonlyMap<string, number>;
  readonly importTimeComponentOf: ReadonlyMap<string, number>;
  /** Module id to the number of distinct internal modules it imports, any kind. */
  readonly fanOut: ReadonlyMap<string, number>;
}

/** A review judges the base twice (its own drift, then the PR): its indexes are built once. */
const views = new WeakMap<Graph, GraphView>();

export function viewOf(graph: Graph): GraphView {
  const known = views.get(graph);
  if (known) return known;
  const view = buildView(graph);
  views.set(graph, view);
  return view;
}

function buildView(graph: Graph): GraphView {
  const ids = graph.modules.map((module) => module.id);
  const executing = adjacency(ids, graph.edges, executingKinds);
  const importTime = adjacency(ids, graph.edges, importTimeKinds);
  const components = stronglyConnected(executing);
  return {
    graph,
    modules: new Map(graph.modules.map((module) => [module.id, module])),
    pairs: new Set(graph.edges.map((edge) => pairKey(edge.from, edge.to))),
    executing,
    importTime,
    components,
    componentOf: indexMembers(components),
    importTimeComponentOf: indexMembers(stronglyConnected(importTime)),
    fanOut: fanOutOf(graph.edges),
  };
}

function fanOutOf(edges: readonly Edge[]): Map<string, number> {
  const targets = new Map<string, Set<string>>();
  for (const edge of edges) {
    const set = targets.get(edge.from) ?? new Set<string>();
    set.add(edge.to);
    targets.set(edge.from, set);
  }
  return new Map([...targets].map(([id, set]) => [id, set.size]));
}

function indexMembers(components: readonly (readonly string[])[]): Map<string, number> {
  const index = new Map<string, number>();
  components.forEach((members, position) => members.forEach((id) => index.set(id, position)));
  return index;
}

/** Edges of `graph` whose module pair does not exist in `other`: line moves are not changes. */
export function edgesMissingFrom(graph: Graph, other: GraphView): Edge[] {
  return graph.edges.filter((edge) => !other.pairs.has(pairKey(edge.from, edge.to)));
}

export function byLocation(a: Edge, b: Edge): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.to.localeCompare(b.to);
}
