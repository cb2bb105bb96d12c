import type { Adjacency } from "../graph/adjacency.js";
import type { Edge } from "../graph/graph.js";
import { shortestPath } from "../graph/shortest-path.js";
import type { Finding } from "./finding.js";
import type { GraphView } from "./graph-view.js";
import { edgeFinding, severityOf, type RuleContext } from "./rule-context.js";

/**
 * Cycles are judged component by component: a head component whose members never shared one at base
 * is a new cycle; one that absorbed modules or merged base components has grown. Real projects carry
 * components of hundreds of modules, so the finding names the imports that changed it, not the cycle.
 */
export function cycleFindings(context: RuleContext): Finding[] {
  return context.head.components.flatMap((members) => judgeComponent(context, members));
}

function judgeComponent(context: RuleContext, members: readonly string[]): Finding[] {
  const inside = new Set(members);
  const added = context.added.filter((edge) => inside.has(edge.from) && inside.has(edge.to));
  if (added.length === 0) return [];
  const baseComponents = new Set(members.flatMap((id) => context.base.componentOf.get(id) ?? []));
  if (baseComponents.size === 0) return newCycle(context, added);
  const before = new Set(
    [...baseComponents].flatMap((index) => context.base.components[index] ?? []),
  );
  const joined = members.filter((id) => !before.has(id));
  if (joined.length === 0 && baseComponents.size === 1) return [];
  return grownCycle(context, members, joined, baseComponents.size, added);
}

function newCycle(context: RuleContext, added: readonly Edge[]): Finding[] {
  const closing = added.find((edge) => isImportTime(context.head, edge)) ?? added[0]!;
  const importTime = isImportTime(context.head, closing);
  const configured = severityOf(context, "new-cycle");
  if (!configured) return [];
  const cycle = cycleThrough(
    importTime ? context.head.importTime : context.head.executing,
    closing,
  );
  const kind = importTime ? "import-time cycle" : "cycle through lazy imports";
  return [
    edgeFinding("new-cycle", importTime ? configured : "warning", closing, {
      message: `New ${kind}: ${[...cycle, cycle[0]].join(" → ")}`,
      hint: importTime
        ? `Break the loop: move what ${closing.to} needs from ${closing.from} into a module both can import, or invert the dependency with an interface.`
        : "The cycle only closes inside a function; it will not fail at import time, but the modules can no longer be separated. Move the shared code out.",
      modules: cycle,
      edges: [closing, ...added.filter((edge) => edge !== closing)],
    }),
  ];
}

function grownCycle(
  context: RuleContext,
  members: readonly string[],
  joined: readonly string[],
  merged: number,
  added: readonly Edge[],
): Finding[] {
  const severity = severityOf(context, "grown-cycle");
  if (!severity) return [];
  const newcomers = new Set(joined);
  const pulling = added.filter((edge) => newcomers.has(edge.from) || newcomers.has(edge.to));
  const edges = pulling.length > 0 ? pulling : added;
  const what =
    joined.length > 0
      ? `${joined.join(", ")} joined an existing cycle`
      : `${merged} existing cycles merged into one`;
  const finding = edgeFinding("grown-cycle", severity, edges[0]!, {
    message: `${what}, now ${members.length} modules, through ${edges.length} new import${edges.length === 1 ? "" : "s"}: ${edges.map((edge) => `${edge.from} → ${edge.to}`).join(", ")}`,
    hint: "Keep new modules out of the existing cycle: depend on the cycle from outside it, not both ways.",
    // One loop through the first new import shows how the newcomer got in; the message names them all.
    modules: cycleThrough(context.head.executing, edges[0]!),
    edges,
  });
  return [{ ...finding, fingerprint: `grown-cycle:${[...joined].sort().join(",")}` }];
}

function isImportTime(view: GraphView, edge: Edge): boolean {
  if (edge.kind !== "runtime") return false;
  const component = view.importTimeComponentOf.get(edge.from);
  return component !== undefined && component === view.importTimeComponentOf.get(edge.to);
}

/** The modules of the shortest cycle through an edge, in import order, starting at its importer. */
function cycleThrough(graph: Adjacency, edge: Edge): string[] {
  if (edge.from === edge.to) return [edge.from];
  const back = shortestPath(graph, edge.to, edge.from) ?? [edge.to, edge.from];
  return [edge.from, ...back.slice(0, -1)];
}

/** Good news: base components that the head split or dissolved. */
export function brokenCycles(context: RuleContext): Finding[] {
  return context.base.components.flatMap((members) => {
    const survivors = new Set(members.flatMap((id) => context.head.componentOf.get(id) ?? []));
    const stillWhole =
      survivors.size === 1 && members.every((id) => context.head.componentOf.has(id));
    if (stillWhole) return [];
    const inside = new Set(members);
    const removed = context.removed.find((edge) => inside.has(edge.from) && inside.has(edge.to));
    if (!removed) return [];
    const cycle = cycleThrough(context.base.executing, removed);
    const message =
      survivors.size === 0
        ? `Cycle broken: ${[...cycle, cycle[0]].join(" → ")} is gone`
        : `Cycle of ${members.length} modules shrank or split, with ${removed.from} → ${removed.to} removed`;
    return [
      edgeFinding("cycle-broken", "info", removed, {
        message,
        hint: "Nice work: keep it that way.",
        modules: cycle,
      }),
    ];
  });
}
