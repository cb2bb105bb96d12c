import type { Edge } from "../graph/graph.js";
import { cycleThrough, freshEdges, previousImport, hopsOf, loopWithHops } from "./cycle-path.js";
import { listText } from "./cycle-text.js";
import { describeChange, importTimeStrength } from "./edge-strength.js";
import type { Finding } from "./finding.js";
import { edgeFinding, severityOf, type RuleContext } from "./rule-context.js";

/**
 * `new-cycle` at import time, judged on the import-time graph alone: however big the component of
 * lazy imports around it, a loop of module-level runtime imports that the base did not have can
 * make `import` fail on a partially initialised module. Every new or newly runtime import whose
 * two ends share a head import-time component closes such a loop.
 */
export function importTimeCycleFindings(context: RuleContext): Finding[] {
  const severity = severityOf(context, "new-cycle");
  if (!severity) return [];
  const byComponent = new Map<number, Edge[]>();
  for (const edge of freshEdges(context.stronger, importTimeStrength, context.base)) {
    const component = context.head.importTimeComponentOf.get(edge.from);
    if (component === undefined || component !== context.head.importTimeComponentOf.get(edge.to))
      continue;
    byComponent.set(component, [...(byComponent.get(component) ?? []), edge]);
  }
  return [...byComponent].map(([index, fresh]) => {
    const members = context.head.importTimeComponents[index] ?? [];
    const finding = importTimeFinding(context, members, fresh);
    return { ...finding, severity, title: "New import-time cycle" };
  });
}

function importTimeFinding(
  context: RuleContext,
  members: readonly string[],
  fresh: readonly Edge[],
): Finding {
  const closing = fresh[0]!;
  const cycle = cycleThrough(context.head.importTime, closing);
  const hops = hopsOf(context.head, cycle, closing);
  const before = previousImport(context, closing);
  const why =
    closing.from === closing.to
      ? `${closing.from} imports itself while it is still initialising`
      : `${closing.from} imports ${closing.to} while ${closing.to} is still initialising (when ${closing.to} is imported first), ${failure(context, closing)}`;
  const others = fresh.length - 1;
  const more =
    others > 0
      ? ` ${others} more new import-time import${others === 1 ? "" : "s"} inside this cycle.`
      : "";
  return edgeFinding("new-cycle", "error", closing, {
    message: `New import-time cycle: ${loopWithHops(cycle, hops)}. ${setting(context, members)}${why}. What changed: ${describeChange(closing, before)}.${more}`,
    hint: `Break the loop at import time: move what ${closing.to} needs from ${closing.from} into a module both can import, import inside the function that needs it, or invert the dependency.`,
    modules: cycle,
    edges: [...hops, ...fresh.filter((edge) => !hops.includes(edge))],
  });
}

/** How the loop fails depends on the module system: Python raises at the import, ES modules later. */
function failure(context: RuleContext, closing: Edge): string {
  return context.head.modules.get(closing.to)?.language === "python"
    ? "so a name it has not defined yet is missing: ImportError"
    : 'so a binding it has not initialised yet is read: ReferenceError ("Cannot access … before initialization") or undefined';
}

/** What the loop is to the base: brand new (nothing), grown, merged, or a new loop inside an old one. */
function setting(context: RuleContext, members: readonly string[]): string {
  const baseComponents = new Set(
    members.flatMap((id) => context.base.importTimeComponentOf.get(id) ?? []),
  );
  if (baseComponents.size === 0) return "";
  const before = new Set(
    [...baseComponents].flatMap((index) => context.base.importTimeComponents[index] ?? []),
  );
  const joined = members.filter((id) => !before.has(id));
  if (joined.length > 0)
    return `An existing import-time cycle grew from ${before.size} to ${members.length} modules (joined: ${listText(joined)}). `;
  if (baseComponents.size > 1)
    return `It merges ${baseComponents.size} existing import-time cycles into one of ${members.length} modules. `;
  return `It is a new loop inside an existing import-time cycle of ${before.size} modules. `;
}
