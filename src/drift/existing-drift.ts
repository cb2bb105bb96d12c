import { emptyGraph, type Edge, type Graph } from "../graph/graph.js";
import type { Policy, Severity } from "../policy/policy.js";
import type { Classifier } from "./classifier.js";
import { cycleThrough, hopsOf, loopWithHops } from "./cycle-path.js";
import { evaluateDrift } from "./evaluate-drift.js";
import type { Finding } from "./finding.js";
import { byLocation, viewOf, type GraphView } from "./graph-view.js";
import { edgeFinding } from "./rule-context.js";

/** Rules about what a change adds, and the cycle rules (described below); the rest is listed as is. */
const changeOnlyRules: ReadonlySet<string> = new Set([
  "new-cycle",
  "grown-cycle",
  "package-cycle",
  "new-domain-coupling",
  "coupling-growth",
  "cycle-broken",
  "coupling-removed",
]);

/**
 * Drift the base already has, described as existing: never "new", and each cycle as what a reviewer
 * lives with ("Existing cycle of 780 modules, import-time cycles inside it: 6"). Listed collapsed;
 * it never fails a pull request, and new cycles inside it are still judged.
 */
export function existingDrift(base: Graph, policy: Policy, classify: Classifier): Finding[] {
  const others = evaluateDrift(emptyGraph, base, policy, classify)
    .filter((finding) => !changeOnlyRules.has(finding.rule))
    .map(describedAsExisting);
  const level = policy.rules["new-cycle"].level;
  if (level === "off") return others;
  return [...existingCycles(viewOf(base), level), ...others];
}

function existingCycles(view: GraphView, level: Severity): Finding[] {
  const insideOf = new Map<number, (readonly string[])[]>();
  for (const loop of view.importTimeComponents) {
    const component = view.componentOf.get(loop[0]!);
    if (component !== undefined)
      insideOf.set(component, [...(insideOf.get(component) ?? []), loop]);
  }
  return view.components.flatMap((members, index) => {
    const loops = insideOf.get(index) ?? [];
    const pointer = firstEdgeInside(view, loops[0] ?? members, loops.length > 0);
    if (!pointer) return [];
    const cycle = cycleThrough(loops.length > 0 ? view.importTime : view.executing, pointer);
    const finding = edgeFinding(
      "new-cycle",
      loops.length > 0 ? level : atMostWarning(level),
      pointer,
      {
        message: `${describe(members, loops)}: ${loopWithHops(cycle, hopsOf(view, cycle, pointer))}. New cycles inside it are still judged on every pull request.`,
        hint: "Existing drift never fails a pull request. Break it up when you can: start with the import-time cycles, which can make import fail.",
        modules: cycle,
        edges: hopsOf(view, cycle, pointer),
      },
    );
    return [{ ...finding, fingerprint: `existing-cycle:${members[0]}` }];
  });
}

function describe(members: readonly string[], loops: readonly (readonly string[])[]): string {
  const size = members.length;
  if (loops.length === 1 && loops[0]!.length === size)
    return `Existing import-time cycle of ${size} module${size === 1 ? "" : "s"}`;
  if (loops.length === 0)
    return `Existing cycle of ${size} modules through imports inside functions`;
  const largest = Math.max(...loops.map((loop) => loop.length));
  return `Existing cycle of ${size} modules (import-time cycles inside it: ${loops.length}, the largest of ${largest} modules)`;
}

function firstEdgeInside(
  view: GraphView,
  members: readonly string[],
  importTime: boolean,
): Edge | undefined {
  const inside = new Set(members);
  return view.graph.edges
    .filter(
      (edge) =>
        inside.has(edge.from) &&
        inside.has(edge.to) &&
        (importTime ? edge.kind === "runtime" : edge.kind !== "type-only"),
    )
    .sort(byLocation)[0];
}

function atMostWarning(severity: Severity): Severity {
  return severity === "error" ? "warning" : severity;
}

/** Judged against an empty base, every loop of domains reads as new: it is not. */
function describedAsExisting(finding: Finding): Finding {
  if (finding.rule !== "domain-cycle") return finding;
  const message = finding.message
    .replace("Domains now depend on each other in a loop", "Existing loop of domains")
    .replace(/; closed by .*$/, "");
  return { ...finding, message };
}
