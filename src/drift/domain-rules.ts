import type { Edge } from "../graph/graph.js";
import type { Finding } from "./finding.js";
import { pairKey, splitPairKey } from "../graph/pair-key.js";
import { freshEdges, hopsText } from "./cycle-path.js";
import { loopText } from "./cycle-text.js";
import { domainGraphOf, domainPair, type DomainGraph } from "./domain-graph.js";
import { executingStrength } from "./edge-strength.js";
import { byLocation, type GraphView } from "./graph-view.js";
import { liftedOf, newLoops, type GroupOf } from "./lifted-loops.js";
import { edgeFinding, severityOf, type RuleContext } from "./rule-context.js";

/** Domain-level rules: new coupling, couplings removed, and domains that now depend on each other. */
export function domainFindings(context: RuleContext): Finding[] {
  const base = domainGraphOf(context.base, context.classify);
  const head = domainGraphOf(context.head, context.classify);
  return [
    ...newCouplings(context, base, head),
    ...domainCycles(context),
    ...removedCouplings(base, head),
  ];
}

function newCouplings(context: RuleContext, base: DomainGraph, head: DomainGraph): Finding[] {
  const severity = severityOf(context, "new-domain-coupling");
  if (!severity) return [];
  return [...head.links].flatMap(([key, edges]) => {
    if (base.links.has(key)) return [];
    const [from, to] = splitPairKey(key);
    const edge = firstAdded(context, edges);
    if (!edge) return [];
    const finding = edgeFinding("new-domain-coupling", severity, edge, {
      message: `New dependency between domains: ${from} now imports ${to} (${edge.from} → ${edge.to}), which it never did before`,
      hint: `If ${from} really needs ${to}, go through ${to}'s public interface and record the decision; otherwise pass the data in from the caller.`,
      edges,
    });
    return [{ ...finding, fingerprint: `new-domain-coupling:${from}->${to}` }];
  });
}

/** Domains that newly depend on each other, printed as a real loop through the new import. */
function domainCycles(context: RuleContext): Finding[] {
  const severity = severityOf(context, "domain-cycle");
  if (!severity) return [];
  const fresh = freshEdges(context.stronger, executingStrength, context.base);
  if (fresh.length === 0) return [];
  const groupsAt =
    (view: GraphView): GroupOf =>
    (edge) =>
      domainPair(view, context.classify, edge);
  const loops = newLoops(
    liftedOf(context.base.graph.edges, groupsAt(context.base)),
    liftedOf(context.head.graph.edges, groupsAt(context.head)),
    fresh,
    groupsAt(context.head),
  );
  return loops.map(({ loop, hops, fresh: behind }) => {
    const closing = hops[0]!;
    const finding = edgeFinding("domain-cycle", severity, closing, {
      message: `Domains now depend on each other in a loop: ${loopText(loop)} (imports: ${hopsText(hops)}); closed by ${closing.from} → ${closing.to}`,
      hint: "Domains must form a hierarchy: pick which one is upstream and make the other depend on it only, or move the shared concept into its own domain.",
      modules: loop,
      edges: [...hops, ...behind.filter((edge) => !hops.includes(edge))],
    });
    return { ...finding, fingerprint: `domain-cycle:${[...loop].sort().join(",")}` };
  });
}

function removedCouplings(base: DomainGraph, head: DomainGraph): Finding[] {
  return [...base.links].flatMap(([key, edges]) => {
    if (head.links.has(key) || !edges[0]) return [];
    const [from, to] = splitPairKey(key);
    const finding = edgeFinding("coupling-removed", "info", edges[0], {
      message: `Domain ${from} no longer depends on ${to}`,
      hint: "Nice work: the domains are more independent now.",
      edges,
    });
    return [{ ...finding, fingerprint: `coupling-removed:${from}->${to}` }];
  });
}

function firstAdded(context: RuleContext, edges: readonly Edge[]): Edge | undefined {
  return edges
    .filter((edge) => !context.base.pairs.has(pairKey(edge.from, edge.to)))
    .sort(byLocation)[0];
}
