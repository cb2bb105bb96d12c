import { withoutControls } from "./format.js";

/**
 * Text for a quoted Mermaid label. Mermaid has no backslash escapes: quotes, and characters it would
 * read as markup or HTML, become its `#code;` entities (`#` first, so the entities stay intact).
 * `%` too: Mermaid finds `%%{init: ...}%%` directives anywhere in a diagram, labels included, so a
 * file name could otherwise restyle or reconfigure the whole picture.
 */
export function mermaidLabel(text: string): string {
  return withoutControls(text)
    .replace(/#/g, "#35;")
    .replace(/%/g, "#37;")
    .replace(/"/g, "#quot;")
    .replace(/`/g, "#96;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;");
}

/**
 * Module names are not safe Mermaid ids (dots, dashes, `end`, quotes): every module gets `n0`, `n1`…
 * in sorted order, so the same graph always draws the same text.
 */
export function mermaidIds(moduleIds: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(moduleIds)].sort();
  return new Map(sorted.map((id, index) => [id, `n${index}`]));
}

export function mermaidNode(nodeId: string, label: string): string {
  return `${nodeId}["${mermaidLabel(label)}"]`;
}
