import type { Edge } from "../graph/graph.js";
import type { Finding } from "./finding.js";
import { pairKey, splitPairKey } from "../graph/pair-key.js";
import { domainGraphOf, type DomainGraph } from "./domain-graph.js";
import { byLocation } from "./graph-view.js";
import { edgeFinding, severityOf, type RuleContext } from "./rule-context.js";

/** Domain-level rules: new coupling, couplings removed, and domains that now depend on each other. */
export function domainFindings(context: RuleContext): Finding[] {
  const base = domainGraphOf(context.base, context.classify);
  const head = domainGraphOf(context.head, context.classify);
  return [
    ...newCouplings(context, base, head),
    ...domainCycles(context, base, head),
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

function domainCycles(context: RuleContext, base: DomainGraph, head: DomainGraph): Finding[] {
  const severity = severityOf(context, "domain-cycle");
  if (!severity) return [];
  return head.cycles.flatMap((domains) => {
    const wasTogether = (a: string, b: string): boolean =>
      base.cycleOf.has(a) && base.cycleOf.get(a) === base.cycleOf.get(b);
    const newcomers = domains.filter(
      (domain) => !domains.every((other) => wasTogether(domain, other)),
    );
    if (newcomers.length === 0) return [];
    const inside = new Set(domains);
    const edges = [...head.links]
      .filter(([key]) => splitPairKey(key).every((domain) => inside.has(domain)))
      .flatMap(([, links]) => links)
      .filter((edge) => edge.kind !== "type-only");
    const closing = firstAdded(context, edges);
    if (!closing) return [];
    const finding = edgeFinding("domain-cycle", severity, closing, {
      message: `Domains ${domains.join(", ")} now depend on each other in a loop; closed by ${closing.from} → ${closing.to}`,
      hint: "Domains must form a hierarchy: pick which one is upstream and make the other depend on it only, or move the shared concept into its own domain.",
      modules: domains,
      edges: [closing, ...edges.filter((edge) => edge !== closing)],
    });
    return [{ ...finding, fingerprint: `domain-cycle:${[...domains].sort().join(",")}` }];
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
