import { adjacency, type Adjacency } from "../graph/adjacency.js";
import type { Edge, EdgeKind, Graph, ModuleNode } from "../graph/graph.js";
import { pairKey } from "../graph/pair-key.js";
import { stronglyConnected } from "../graph/strongly-connected.js";
import { strengthOf } from "./edge-strength.js";

/** Edges that run code when a module loads, or later: type-only imports never make a runtime cycle. */
const executingKinds: ReadonlySet<EdgeKind> = new Set(["runtime", "lazy", "dynamic"]);
const importTimeKinds: ReadonlySet<EdgeKind> = new Set(["runtime"]);

/**
 * A graph with the indexes the rules share, computed once. Three graphs live in one: all imports,
 * the executing graph (no type-only imports) and the import-time graph (runtime imports only: what
 * runs while a module loads, and so what can meet a partially initialised module).
 */
export interface GraphView {
  readonly graph: Graph;
  readonly modules: ReadonlyMap<string, ModuleNode>;
  readonly pairs: ReadonlySet<string>;
  /** Module pair to its strongest import (earliest by location among equals). */
  readonly strongest: ReadonlyMap<string, Edge>;
  readonly executing: Adjacency;
  readonly importTime: Adjacency;
  /** Components of the executing graph (import-time and lazy cycles together). */
  readonly components: readonly (readonly string[])[];
  /** Module id to the index of its component in `components`. */
  readonly componentOf: ReadonlyMap<string, number>;
  /** Components of the import-time graph: each one is a loop that runs while modules load. */
  readonly importTimeComponents: readonly (readonly string[])[];
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
  const importTimeComponents = stronglyConnected(importTime);
  const strongest = strongestOf(graph.edges);
  return {
    graph,
    modules: new Map(graph.modules.map((module) => [module.id, module])),
    pairs: new Set(strongest.keys()),
    strongest,
    executing,
    importTime,
    components,
    componentOf: indexMembers(components),
    importTimeComponents,
    importTimeComponentOf: indexMembers(importTimeComponents),
    fanOut: fanOutOf(graph.edges),
  };
}

function strongestOf(edges: readonly Edge[]): Map<string, Edge> {
  const strongest = new Map<string, Edge>();
  for (const edge of edges) {
    const key = pairKey(edge.from, edge.to);
    const known = strongest.get(key);
    if (!known || isStronger(edge, known)) strongest.set(key, edge);
  }
  return strongest;
}

function isStronger(edge: Edge, than: Edge): boolean {
  const difference = strengthOf(edge.kind) - strengthOf(than.kind);
  return difference > 0 || (difference === 0 && byLocation(edge, than) < 0);
}

/** The strength of the pair's strongest import in `view`; -1 when the pair has none. */
export function pairStrength(view: GraphView, from: string, to: string): number {
  const edge = view.strongest.get(pairKey(from, to));
  return edge ? strengthOf(edge.kind) : -1;
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

/** Edges of `graph` stronger than their pair's strongest import in `other` (absent pairs included). */
export function edgesStrongerThan(graph: Graph, other: GraphView): Edge[] {
  return graph.edges.filter(
    (edge) => strengthOf(edge.kind) > pairStrength(other, edge.from, edge.to),
  );
}
