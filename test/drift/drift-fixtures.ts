import picomatch from "picomatch";
import type { Classifier } from "../../src/drift/classifier.js";
import type { Edge, EdgeKind, Graph } from "../../src/graph/graph.js";
import { defaultPolicy } from "../../src/policy/default-policy.js";
import type { Policy } from "../../src/policy/policy.js";

/** `a.b -> c.d` style edge specs; module paths follow Python's layout so globs read naturally. */
export function graphOf(...specs: string[]): Graph {
  const edges: Edge[] = specs.map((spec, index) => edgeOf(spec, index + 1));
  const ids = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  return {
    modules: [...ids].sort().map((id) => ({ id, path: pathOf(id), language: "python" as const })),
    edges,
    warnings: [],
  };
}

function edgeOf(spec: string, line: number): Edge {
  const match = /^(\S+) -> (\S+)(?: (type-only|lazy|dynamic))?$/.exec(spec);
  if (!match) throw new Error(`bad edge spec ${spec}`);
  const [, from = "", to = "", kind] = match;
  return {
    from,
    to,
    file: pathOf(from),
    line,
    text: `import ${to}`,
    kind: (kind ?? "runtime") as EdgeKind,
  };
}

export function pathOf(id: string): string {
  return `src/${id.replaceAll(".", "/")}.py`;
}

export function withModules(graph: Graph, ...ids: string[]): Graph {
  const extra = ids.map((id) => ({ id, path: pathOf(id), language: "python" as const }));
  return { ...graph, modules: [...graph.modules, ...extra] };
}

export function policyOf(overrides: Partial<Policy> = {}): Policy {
  const defaults = defaultPolicy("(test)");
  const rules = {
    ...defaults.rules,
    "coupling-growth": { level: "notice" as const, threshold: 3 },
  };
  return { ...defaults, exclude: [], rules, ...overrides };
}

/** Domains are the second dotted segment (`shop.orders.x` is in `orders`); layers by segment name. */
export function classifierOf(
  options: { layers?: string[][]; interfaces?: Record<string, string[]> } = {},
): Classifier {
  const layers = options.layers ?? [];
  return {
    domainOf: (module) => module.id.split(".")[1],
    layerOf: (module) => {
      for (const segment of module.id.split(".").slice(1)) {
        const index = layers.findIndex((names) => names.includes(segment));
        if (index >= 0) return { index, name: segment };
      }
      return undefined;
    },
    isInternal: (module) => {
      const domain = module.id.split(".")[1] ?? "";
      const publicIds = options.interfaces?.[domain];
      return publicIds !== undefined && !publicIds.includes(module.id);
    },
    matches: (path, glob) => picomatch(glob)(path),
  };
}
