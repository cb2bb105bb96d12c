import type { ChangedGraph } from "../drift/drift-report.js";
import { mermaidDiagram, type MermaidOptions } from "./mermaid-diagram.js";

export type { MermaidOptions } from "./mermaid-diagram.js";

/**
 * A `flowchart LR` of the part of the graph a PR touched: new imports thick (red when behind an error),
 * removed ones dashed green, unchanged context thin grey, modules grouped by domain.
 */
export function renderMermaid(changed: ChangedGraph, options: MermaidOptions = {}): string {
  return mermaidDiagram(changed, options).text;
}
