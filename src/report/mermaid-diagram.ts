import type { ChangedGraph } from "../drift/drift-report.js";
import type { Edge } from "../graph/graph.js";
import { pairKey } from "../graph/pair-key.js";
import { formatNumber } from "./format.js";
import { mermaidIds, mermaidLabel, mermaidNode } from "./mermaid-text.js";

export interface MermaidOptions {
  /** Imports behind error findings (see `errorEdgesOf`): drawn red. */
  readonly errors?: readonly Pick<Edge, "from" | "to">[];
  /** GitHub's Mermaid gives up near 500 edges and 50,000 characters; stay well below. */
  readonly maxEdges?: number;
  readonly maxLength?: number;
}

export interface MermaidDiagram {
  readonly text: string;
  readonly shownEdges: number;
  readonly omittedEdges: number;
}

type Category = "added" | "removed" | "context";

interface Arrow {
  readonly from: string;
  readonly to: string;
  readonly category: Category;
  readonly error: boolean;
}

const arrowSyntax: Record<Category, string> = { added: "==>", removed: "-.->", context: "-->" };
const red = "stroke:#d73a49,stroke-width:3px";
const green = "stroke:#28a745";
const grey = "stroke:#959da5";

export function mermaidDiagram(
  changed: ChangedGraph,
  options: MermaidOptions = {},
): MermaidDiagram {
  const maxEdges = options.maxEdges ?? 200;
  const maxLength = options.maxLength ?? 40_000;
  const arrows = byPriority(
    arrowsOf(changed, new Set((options.errors ?? []).map((edge) => pairKey(edge.from, edge.to)))),
  );
  let count = Math.min(arrows.length, maxEdges);
  let text = draw(arrows, count, changed.domains, limitsNote(maxEdges, maxLength));
  // Halving then stepping keeps the retries few for a diagram that is far over, exact for one just over.
  while (text.length > maxLength && count > 0) {
    count = text.length > 2 * maxLength ? Math.floor(count / 2) : count - 1;
    text = draw(arrows, count, changed.domains, limitsNote(maxEdges, maxLength));
  }
  return { text, shownEdges: count, omittedEdges: arrows.length - count };
}

/** Deduplicated by module pair; an added edge wins over a removed or context one of the same pair. */
function arrowsOf(changed: ChangedGraph, errors: ReadonlySet<string>): Arrow[] {
  const arrows = new Map<string, Arrow>();
  const put = (edges: readonly Edge[], category: Category): void => {
    for (const edge of edges) {
      const key = pairKey(edge.from, edge.to);
      if (!arrows.has(key)) arrows.set(key, { ...pairOf(edge), category, error: errors.has(key) });
    }
  };
  put(changed.added, "added");
  put(changed.removed, "removed");
  put(changed.context, "context");
  return [...arrows.values()];
}

function pairOf(edge: Edge): { from: string; to: string } {
  return { from: edge.from, to: edge.to };
}

/** What a cut keeps longest: new imports behind errors, other new imports, the rest of an error loop. */
function byPriority(arrows: readonly Arrow[]): Arrow[] {
  const rank = (arrow: Arrow): number => {
    if (arrow.category === "added") return arrow.error ? 0 : 1;
    if (arrow.category === "removed") return 3;
    return arrow.error ? 2 : 4;
  };
  return [...arrows].sort(
    (a, b) => rank(a) - rank(b) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
}

type LimitsNote = (omitted: readonly Arrow[]) => string;

function limitsNote(maxEdges: number, maxLength: number): LimitsNote {
  return (omitted) => {
    const context = omitted.filter((arrow) => arrow.category === "context").length;
    const other = omitted.length - context;
    const kinds = [`${formatNumber(context)} context`];
    if (other > 0) kinds.push(`${formatNumber(other)} added or removed`);
    return (
      `%% ${formatNumber(omitted.length)} edges not shown (${kinds.join(", ")}): ` +
      `limit ${formatNumber(maxEdges)} edges, ${formatNumber(maxLength)} characters`
    );
  };
}

function draw(
  arrows: readonly Arrow[],
  count: number,
  domains: Readonly<Record<string, string>>,
  note: LimitsNote,
): string {
  const shown = arrows.slice(0, count);
  const ids = mermaidIds(shown.flatMap((arrow) => [arrow.from, arrow.to]));
  const lines = ["flowchart LR", ...nodeLines(ids, domains)];
  lines.push(
    ...shown.map(
      (arrow) =>
        `  ${nodeId(ids, arrow.from)} ${arrowSyntax[arrow.category]} ${nodeId(ids, arrow.to)}`,
    ),
  );
  lines.push(...linkStyles(shown));
  if (arrows.length === 0) lines.push("  %% no imports changed");
  if (count < arrows.length) lines.push(`  ${note(arrows.slice(count))}`);
  return `${lines.join("\n")}\n`;
}

function nodeId(ids: ReadonlyMap<string, string>, module: string): string {
  return ids.get(module) ?? "n_missing";
}

/** Modules grouped by domain, one `subgraph` each; modules outside every domain stand alone. */
function nodeLines(
  ids: ReadonlyMap<string, string>,
  domains: Readonly<Record<string, string>>,
): string[] {
  const groups = new Map<string, string[]>();
  const loose: string[] = [];
  for (const [module, id] of ids) {
    const domain = domains[module];
    const line = mermaidNode(id, module);
    if (domain === undefined) loose.push(`  ${line}`);
    else groups.set(domain, [...(groups.get(domain) ?? []), `    ${line}`]);
  }
  const names = [...groups.keys()].sort();
  const grouped = names.flatMap((name, index) => [
    `  subgraph d${index}["${mermaidLabel(name)}"]`,
    ...(groups.get(name) ?? []),
    "  end",
  ]);
  return [...grouped, ...loose];
}

function linkStyles(shown: readonly Arrow[]): string[] {
  const indexes = (test: (arrow: Arrow) => boolean): number[] =>
    shown.flatMap((arrow, index) => (test(arrow) ? [index] : []));
  const styles: [number[], string][] = [
    [indexes((arrow) => arrow.error), red],
    [indexes((arrow) => arrow.category === "removed" && !arrow.error), green],
    [indexes((arrow) => arrow.category === "context" && !arrow.error), grey],
  ];
  return styles
    .filter(([list]) => list.length > 0)
    .map(([list, style]) => `  linkStyle ${list.join(",")} ${style}`);
}
