import { moduleName, type Edge, type ModuleNode } from "../graph/graph.js";
import { freshEdges, hopsText } from "./cycle-path.js";
import { loopText } from "./cycle-text.js";
import { executingStrength } from "./edge-strength.js";
import type { Finding } from "./finding.js";
import type { GraphView } from "./graph-view.js";
import { liftedOf, newLoops, type GroupOf } from "./lifted-loops.js";
import { edgeFinding, severityOf, type RuleContext } from "./rule-context.js";

/**
 * `package-cycle`: sibling packages or modules under one parent that newly depend on each other in
 * a loop (import-linter's "acyclic siblings"). Each import counts once, between the two children
 * of the deepest package that holds both ends. In a codebase that is one big component already,
 * this is the drift a reviewer can still act on. Loops whose siblings are each a domain of their
 * own are `domain-cycle`'s to report, and loops of the sibling modules themselves the cycle rules'.
 */
export function packageCycleFindings(context: RuleContext): Finding[] {
  const severity = severityOf(context, "package-cycle");
  if (!severity) return [];
  const fresh = freshEdges(context.stronger, executingStrength, context.base);
  if (fresh.length === 0) return [];
  const baseGroups = siblingsOf(context.base);
  const headGroups = siblingsOf(context.head);
  const loops = newLoops(
    liftedOf(context.base.graph.edges, baseGroups),
    liftedOf(context.head.graph.edges, headGroups),
    fresh,
    headGroups,
  );
  return loops.flatMap(({ loop, hops, fresh: behind }) => {
    if (isModuleLoop(loop, hops) || domainsOneEach(context, loop, hops)) return [];
    const closing = hops[0]!;
    const finding = edgeFinding("package-cycle", severity, closing, {
      message: `Sibling packages now depend on each other in a loop: ${loopText(loop)} (imports: ${hopsText(hops)}); closed by ${closing.from} → ${closing.to}`,
      hint: "Siblings under one parent should form a hierarchy: pick which one is lower and move what it needs from the other down into it, or into a new sibling both can import.",
      modules: loop,
      edges: [...hops, ...behind.filter((edge) => !hops.includes(edge))],
    });
    return [{ ...finding, fingerprint: `package-cycle:${[...loop].sort().join(",")}` }];
  });
}

/** The two children of the deepest common package of an import's ends, or undefined. */
function siblingsOf(view: GraphView): GroupOf {
  return (edge) => {
    const from = view.modules.get(edge.from);
    const to = view.modules.get(edge.to);
    if (!from || !to || from.namespace !== to.namespace) return undefined;
    const a = segmentsOf(from);
    const b = segmentsOf(to);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    // One end is the other's package (or the same module): no siblings to speak of.
    if (common >= a.length || common >= b.length) return undefined;
    return [nameOf(from, a, common), nameOf(to, b, common)];
  };
}

function segmentsOf(module: ModuleNode): string[] {
  return module.language === "python" ? moduleName(module).split(".") : module.id.split("/");
}

function nameOf(module: ModuleNode, segments: readonly string[], common: number): string {
  const separator = module.language === "python" ? "." : "/";
  const name = segments.slice(0, common + 1).join(separator);
  return module.namespace === undefined ? name : `${module.namespace}: ${name}`;
}

/** A loop of the sibling modules themselves is a module cycle: the cycle rules report it. */
function isModuleLoop(loop: readonly string[], hops: readonly Edge[]): boolean {
  return hops.every(
    (edge, index) => edge.from === loop[index] && edge.to === loop[(index + 1) % loop.length],
  );
}

/** True when each sibling of the loop is all one domain and no two share one. */
function domainsOneEach(
  context: RuleContext,
  loop: readonly string[],
  hops: readonly Edge[],
): boolean {
  const domains = new Set<string>();
  for (const edge of hops) {
    const from = context.head.modules.get(edge.from);
    const domain = from ? context.classify.domainOf(from) : undefined;
    if (domain === undefined) return false;
    domains.add(domain);
  }
  return domains.size === loop.length && loop.length > 1;
}
