import type { Edge, ModuleNode } from "../graph/graph.js";
import type { Finding } from "./finding.js";
import { edgeFinding, severityOf, type RuleContext } from "./rule-context.js";

/** Rules judged one new import at a time. */
export function edgeRuleFindings(context: RuleContext): Finding[] {
  return context.added.flatMap((edge) => {
    const from = context.head.modules.get(edge.from);
    const to = context.head.modules.get(edge.to);
    if (!from || !to) return [];
    return [
      ...layerViolation(context, edge, from, to),
      ...boundaryViolation(context, edge, from, to),
      ...forbiddenImport(context, edge, from, to),
    ];
  });
}

function layerViolation(
  context: RuleContext,
  edge: Edge,
  from: ModuleNode,
  to: ModuleNode,
): Finding[] {
  const severity = severityOf(context, "layer-violation");
  const fromLayer = context.classify.layerOf(from);
  const toLayer = context.classify.layerOf(to);
  if (!severity || !fromLayer || !toLayer) return [];
  const upward = fromLayer.index > toLayer.index;
  const sideways = fromLayer.index === toLayer.index && fromLayer.name !== toLayer.name;
  if (!upward && !sideways) return [];
  const message = upward
    ? `Layer violation: ${edge.from} (layer ${fromLayer.name}) imports ${edge.to} from the higher layer ${toLayer.name}`
    : `Layer violation: ${fromLayer.name} and ${toLayer.name} share a layer and must stay independent, but ${edge.from} imports ${edge.to}`;
  return [
    edgeFinding("layer-violation", severity, edge, {
      message,
      hint: upward
        ? `${fromLayer.name} sits below ${toLayer.name}: move the code ${edge.from} needs down into ${fromLayer.name} or lower, or have ${toLayer.name} pass it in.`
        : `Move what both need into a lower layer.`,
    }),
  ];
}

function boundaryViolation(
  context: RuleContext,
  edge: Edge,
  from: ModuleNode,
  to: ModuleNode,
): Finding[] {
  const severity = severityOf(context, "boundary-violation");
  const fromDomain = context.classify.domainOf(from);
  const toDomain = context.classify.domainOf(to);
  if (!severity || !toDomain || fromDomain === toDomain || !context.classify.isInternal(to))
    return [];
  return [
    edgeFinding("boundary-violation", severity, edge, {
      message: `${edge.from} reaches into the internals of domain ${toDomain}: ${edge.to} is not part of its public interface`,
      hint: `Import from ${toDomain}'s declared interface instead, or add what you need to that interface.`,
    }),
  ];
}

function forbiddenImport(
  context: RuleContext,
  edge: Edge,
  from: ModuleNode,
  to: ModuleNode,
): Finding[] {
  const severity = severityOf(context, "forbidden");
  if (!severity) return [];
  return context.policy.forbidden
    .filter(
      (rule) =>
        context.classify.matches(from.path, rule.from) &&
        context.classify.matches(to.path, rule.to),
    )
    .map((rule) =>
      edgeFinding("forbidden", severity, edge, {
        message: `Forbidden import ${edge.from} → ${edge.to}${rule.message ? `: ${rule.message}` : ` (rule from ${rule.from} to ${rule.to})`}`,
        hint: rule.message ?? `The config forbids imports from ${rule.from} to ${rule.to}.`,
      }),
    );
}

/** A module whose number of internal dependencies grew past the threshold in this PR. */
export function couplingGrowth(context: RuleContext): Finding[] {
  const severity = severityOf(context, "coupling-growth");
  const threshold = context.policy.rules["coupling-growth"].threshold ?? 15;
  if (!severity) return [];
  return [...addedByImporter(context.added)].flatMap(([id, added]) => {
    const before = context.base.fanOut.get(id) ?? 0;
    const after = context.head.fanOut.get(id) ?? 0;
    if (after <= threshold || before > threshold) return [];
    const finding = edgeFinding("coupling-growth", severity, added[0]!, {
      message: `${id} now depends on ${after} modules (was ${before}, threshold ${threshold})`,
      hint: "A module that knows this much is doing several jobs: split it along the jobs.",
      modules: [id],
      edges: added,
    });
    return [{ ...finding, fingerprint: `coupling-growth:${id}` }];
  });
}

function addedByImporter(added: readonly Edge[]): Map<string, Edge[]> {
  const byImporter = new Map<string, Edge[]>();
  for (const edge of added) {
    const edges = byImporter.get(edge.from) ?? [];
    edges.push(edge);
    byImporter.set(edge.from, edges);
  }
  return byImporter;
}
