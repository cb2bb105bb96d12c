import type { Edge } from "../graph/graph.js";
import type { Severity } from "../policy/policy.js";
import {
  cycleThrough,
  freshEdges,
  previousImport,
  hopsOf,
  hopsText,
  loopWithHops,
} from "./cycle-path.js";
import { listText } from "./cycle-text.js";
import { describeChange, executingStrength } from "./edge-strength.js";
import type { Finding } from "./finding.js";
import { pullingEdges } from "./pulling-edges.js";
import { edgeFinding, severityOf, type RuleContext } from "./rule-context.js";

/**
 * Cycles of the executing graph (runtime and lazy imports), component by component. What closes at
 * import time is `importTimeCycleFindings`' business; here a brand-new component that closes only
 * through imports inside functions is a `new-cycle` warning, and an existing one that gained members
 * or merged with another is `grown-cycle`. New imports inside an unchanged component say nothing.
 */
export function executingCycleFindings(context: RuleContext): Finding[] {
  const byComponent = new Map<number, Edge[]>();
  for (const edge of freshEdges(context.stronger, executingStrength, context.base)) {
    const component = context.head.componentOf.get(edge.from);
    if (component === undefined || component !== context.head.componentOf.get(edge.to)) continue;
    byComponent.set(component, [...(byComponent.get(component) ?? []), edge]);
  }
  return [...byComponent].flatMap(([index, fresh]) =>
    judgeComponent(context, context.head.components[index] ?? [], fresh),
  );
}

function judgeComponent(
  context: RuleContext,
  members: readonly string[],
  fresh: readonly Edge[],
): Finding[] {
  const baseComponents = new Set(members.flatMap((id) => context.base.componentOf.get(id) ?? []));
  if (baseComponents.size === 0) return lazyCycle(context, fresh);
  const before = new Set(
    [...baseComponents].flatMap((index) => context.base.components[index] ?? []),
  );
  // A newcomer in an import-time loop with old members is new-cycle's finding, an error already.
  const joined = members.filter(
    (id) => !before.has(id) && !joinedAtImportTime(context, id, before),
  );
  const wholeBefore = members.filter((id) => !before.has(id)).length === 0;
  if (joined.length === 0 && (baseComponents.size === 1 || !wholeBefore)) return [];
  return grownCycle(context, { members, before, joined, merged: baseComponents.size, fresh });
}

/** A new component: only a loop that needs a lazy import is news here. */
function lazyCycle(context: RuleContext, fresh: readonly Edge[]): Finding[] {
  const configured = severityOf(context, "new-cycle");
  const closing = fresh.find((edge) => !closesAtImportTime(context, edge));
  if (!configured || !closing) return [];
  const cycle = cycleThrough(context.head.executing, closing);
  const hops = hopsOf(context.head, cycle, closing);
  const before = previousImport(context, closing);
  const title = "New cycle through imports inside functions (not at import time)";
  return [
    {
      title,
      ...edgeFinding("new-cycle", atMostWarning(configured), closing, {
        message: `New cycle through imports inside functions (not at import time): ${loopWithHops(cycle, hops)}. What changed: ${describeChange(closing, before)}.`,
        hint: "The loop closes only inside a function, so import does not fail, but the modules can no longer be separated. Move the shared code into a module both can import.",
        modules: cycle,
        edges: [...hops, ...fresh.filter((edge) => !hops.includes(edge))],
      }),
    },
  ];
}

interface Growth {
  readonly members: readonly string[];
  readonly before: ReadonlySet<string>;
  readonly joined: readonly string[];
  readonly merged: number;
  readonly fresh: readonly Edge[];
}

function grownCycle(context: RuleContext, growth: Growth): Finding[] {
  const severity = severityOf(context, "grown-cycle");
  if (!severity) return [];
  const blame = pullingEdges(context.head, growth);
  if (growth.joined.length === 0) blame.set("", mergingEdges(context, growth.fresh));
  const edges = [...new Set([...blame.values()].flat())];
  const first = edges[0] ?? growth.fresh[0]!;
  const finding = edgeFinding("grown-cycle", severity, first, {
    message: `${growthTitle(growth)}: ${whoJoined(growth, blame)}${changes(context, edges)}`,
    hint: "Keep new modules out of the existing cycle: depend on the cycle from outside it, not both ways, or import the other way inside a function only where it is needed.",
    // One loop through the first pulling import shows how a newcomer got in; the message names them all.
    modules: cycleThrough(context.head.executing, first),
    edges: edges.length > 0 ? edges : growth.fresh,
  });
  const title = "Existing cycle grew through imports inside functions (not at import time)";
  return [{ ...finding, title, fingerprint: `grown-cycle:${[...growth.joined].sort().join(",")}` }];
}

function growthTitle(growth: Growth): string {
  const kind = "through imports inside functions (not at import time)";
  const sizes = `from ${growth.before.size} to ${growth.members.length} modules`;
  return growth.merged > 1
    ? `${growth.merged} existing cycles merged ${kind}, ${sizes}`
    : `Existing cycle grew ${kind}, ${sizes}`;
}

function whoJoined(growth: Growth, blame: ReadonlyMap<string, readonly Edge[]>): string {
  const described = [...blame].map(
    ([who, edges]) => `${who === "" ? "they merged" : `${who} joined`} through ${hopsText(edges)}`,
  );
  return `${listText(described)}.`;
}

/** What happened to the blamed imports that existed at base in a weaker kind. */
function changes(context: RuleContext, edges: readonly Edge[]): string {
  const described = edges.flatMap((edge) => {
    const before = previousImport(context, edge);
    return before ? [`${edge.file}:${edge.line}: ${describeChange(edge, before)}`] : [];
  });
  return described.length > 0 ? ` What changed: ${listText(described)}.` : "";
}

/** Components merged without newcomers: the new imports from one old component into another. */
function mergingEdges(context: RuleContext, fresh: readonly Edge[]): Edge[] {
  return fresh.filter(
    (edge) => context.base.componentOf.get(edge.from) !== context.base.componentOf.get(edge.to),
  );
}

function atMostWarning(severity: Severity): Severity {
  return severity === "error" ? "warning" : severity;
}

function joinedAtImportTime(
  context: RuleContext,
  id: string,
  before: ReadonlySet<string>,
): boolean {
  const component = context.head.importTimeComponentOf.get(id);
  const loop = component === undefined ? [] : (context.head.importTimeComponents[component] ?? []);
  return loop.some((member) => before.has(member));
}

function closesAtImportTime(context: RuleContext, edge: Edge): boolean {
  if (edge.kind !== "runtime") return false;
  const component = context.head.importTimeComponentOf.get(edge.from);
  return component !== undefined && component === context.head.importTimeComponentOf.get(edge.to);
}
