import type { Edge, EdgeKind, Graph } from "../graph/graph.js";
import { formatLocation, withoutControls } from "./format.js";
import { jsonText } from "./json-text.js";
import { mermaidIds, mermaidLabel, mermaidNode } from "./mermaid-text.js";

/**
 * The whole graph for `archdrift graph`: every module and every import, several imports of one
 * module included, for people and tools that want more than the changed neighbourhood.
 */
export function renderGraphJson(graph: Graph): string {
  const document = {
    version: 1,
    // A service's module carries its namespace: `order-service: app.models` is `app.models` there.
    modules: graph.modules.map(({ id, path, language, namespace }) =>
      namespace === undefined ? { id, path, language } : { id, path, language, namespace },
    ),
    edges: graph.edges.map(({ from, to, file, line, kind, text }) => ({
      from,
      to,
      file,
      line,
      kind,
      text,
    })),
    warnings: graph.warnings.map(({ file, line, message }) => ({ file, line, message })),
    unreviewed: (graph.unreviewed ?? []).map(({ file, reason }) => ({ file, reason })),
  };
  return jsonText(document);
}

// Mermaid has one dashed style: type-only and lazy both use it, the label tells them apart.
const mermaidArrow: Record<EdgeKind, string> = {
  runtime: "-->",
  "type-only": "-.->",
  lazy: "-.->",
  dynamic: "-.->",
};

export function renderGraphMermaid(graph: Graph): string {
  const ids = mermaidIds([...graph.modules.map((module) => module.id), ...endpoints(graph.edges)]);
  const nodes = [...ids].map(([module, id]) => `  ${mermaidNode(id, module)}`);
  const edges = graph.edges.map((edge) => {
    const label = mermaidLabel(edgeLabel(edge));
    return `  ${ids.get(edge.from) ?? ""} ${mermaidArrow[edge.kind]}|"${label}"| ${ids.get(edge.to) ?? ""}`;
  });
  return `${["flowchart LR", ...nodes, ...edges].join("\n")}\n`;
}

const dotStyle: Record<EdgeKind, string> = {
  runtime: "solid",
  "type-only": "dashed",
  lazy: "dotted",
  dynamic: "dotted",
};

export function renderGraphDot(graph: Graph): string {
  const modules = [
    ...new Set([...graph.modules.map((module) => module.id), ...endpoints(graph.edges)]),
  ].sort();
  const lines = [
    "digraph archdrift {",
    "  rankdir=LR;",
    '  node [shape=box, fontname="Helvetica"];',
    ...modules.map((module) => `  ${dotString(module)};`),
    ...graph.edges.map(
      (edge) =>
        `  ${dotString(edge.from)} -> ${dotString(edge.to)} [style=${dotStyle[edge.kind]}, ` +
        `label=${dotString(edgeLabel(edge))}, tooltip=${dotString(edge.text)}];`,
    ),
    "}",
  ];
  return `${lines.join("\n")}\n`;
}

/** `file:line`, and the kind when the import does not run at load time. */
function edgeLabel(edge: Edge): string {
  const where = formatLocation(edge.file, edge.line);
  return edge.kind === "runtime" ? where : `${where} (${edge.kind})`;
}

/** Edges can name modules the module list lacks (a partial graph): draw them rather than fail. */
function endpoints(edges: readonly Edge[]): string[] {
  return edges.flatMap((edge) => [edge.from, edge.to]);
}

/**
 * A DOT quoted string: `"` and `\` escaped; controls and bidi characters as in every report, so a
 * name printed to a terminal cannot drive it, and newlines cannot end the statement.
 */
function dotString(text: string): string {
  return `"${withoutControls(text).replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}
