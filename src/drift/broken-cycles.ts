import type { Adjacency } from "../graph/adjacency.js";
import type { Edge } from "../graph/graph.js";
import { pairKey } from "../graph/pair-key.js";
import { cycleThrough } from "./cycle-path.js";
import { loopText } from "./cycle-text.js";
import { executingStrength, importTimeStrength, strengthOf } from "./edge-strength.js";
import type { Finding } from "./finding.js";
import type { GraphView } from "./graph-view.js";
import { edgeFinding, type RuleContext } from "./rule-context.js";

interface Level {
  readonly strength: number;
  readonly name: string;
  readonly components: (view: GraphView) => readonly (readonly string[])[];
  readonly componentOf: (view: GraphView) => ReadonlyMap<string, number>;
  readonly graph: (view: GraphView) => Adjacency;
}

const importTime: Level = {
  strength: importTimeStrength,
  name: "Import-time cycle",
  components: (view) => view.importTimeComponents,
  componentOf: (view) => view.importTimeComponentOf,
  graph: (view) => view.importTime,
};

const executing: Level = {
  strength: executingStrength,
  name: "Cycle",
  components: (view) => view.components,
  componentOf: (view) => view.componentOf,
  graph: (view) => view.executing,
};

/**
 * Good news: base components that the head split or dissolved, import-time ones first (breaking
 * one inside a big component of lazy imports leaves that component whole, and is still news).
 */
export function brokenCycles(context: RuleContext): Finding[] {
  return [importTime, executing].flatMap((level) =>
    level.components(context.base).flatMap((members) => brokenAt(context, level, members)),
  );
}

function brokenAt(context: RuleContext, level: Level, members: readonly string[]): Finding[] {
  const headOf = level.componentOf(context.head);
  const survivors = new Set(members.flatMap((id) => headOf.get(id) ?? []));
  if (survivors.size === 1 && members.every((id) => headOf.has(id))) return [];
  const inside = new Set(members);
  const removed = context.weaker.find(
    (edge) => inside.has(edge.from) && inside.has(edge.to) && weakenedBelow(context, edge, level),
  );
  if (!removed) return [];
  const cycle = cycleThrough(level.graph(context.base), removed);
  const message =
    survivors.size === 0
      ? `${level.name} broken: ${loopText(cycle)} is gone (${whatHappened(context, removed)})`
      : `${level.name} of ${members.length} modules shrank or split (${whatHappened(context, removed)})`;
  return [
    edgeFinding("cycle-broken", "info", removed, {
      message,
      hint: "Nice work: keep it that way.",
      modules: cycle,
    }),
  ];
}

function weakenedBelow(context: RuleContext, edge: Edge, level: Level): boolean {
  const after = context.head.strongest.get(pairKey(edge.from, edge.to));
  return after === undefined || strengthOf(after.kind) < level.strength;
}

function whatHappened(context: RuleContext, removed: Edge): string {
  const after = context.head.strongest.get(pairKey(removed.from, removed.to));
  if (!after) return `${removed.from} → ${removed.to} removed`;
  if (after.kind === "type-only") return `${removed.from} → ${removed.to} is now type-only`;
  return `${removed.from} → ${removed.to} now runs inside a function`;
}
