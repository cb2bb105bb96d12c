/** Past this length an import's text is shortened in the middle. */
const maxLength = 200;
const ellipsis = " … ";

/**
 * An import statement on one line, for a report. A long one keeps its start and the end from its
 * specifier on, with `…` between (`import { a, b, … } from "./many";`): the module name is what the
 * reader needs, so it is never cut, however long it is.
 */
export function oneLineStatement(text: string, specifier: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= maxLength) return line;
  const at = specifierIndex(line, specifier);
  if (at < 0) return `${line.slice(0, maxLength - 1)}…`;
  const before = line.slice(0, at);
  const lead = leadIn(before);
  const end = `${lead}${line.slice(at)}`;
  const budget = Math.max(maxLength - end.length - ellipsis.length, 20);
  const start = before.slice(0, before.length - lead.length);
  if (start.length <= budget) return line;
  return `${start.slice(0, budget).trimEnd()}${ellipsis}${end}`;
}

/** Where the quoted specifier starts: its last quoted occurrence, the one `from` or `require(` names. */
function specifierIndex(line: string, specifier: string): number {
  let best = -1;
  for (const quote of ['"', "'", "`"]) {
    best = Math.max(best, line.lastIndexOf(`${quote}${specifier}${quote}`));
  }
  return best;
}

/** The last two words before the specifier (`} from `, `= require(`), kept with it. */
function leadIn(before: string): string {
  const words = before.trimEnd().split(" ");
  const kept = words.slice(-2).join(" ");
  return before.endsWith(" ") ? `${kept} ` : kept;
}
