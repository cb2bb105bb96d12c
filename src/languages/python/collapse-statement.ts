/**
 * Past this many characters a statement's text is cut. The text is only shown (in findings,
 * annotations, comments), and every name of `import a, b, c` is a raw import carrying it: a
 * 100,000-name statement must not become 100,000 copies of a 500 KB line in a scan or a cache entry.
 */
export const maxStatementText = 200;

/**
 * An import statement's source with its comments already cut, on one line. A continuation right
 * after the dot of a dotted name (`import a.\` then `b`) joins without a space. Longer than
 * `maxStatementText`, it is cut there and ends in `…`.
 */
export function collapseStatement(source: string): string {
  const line = source
    .replace(/(\w\.)\\\r?\n\s*/g, "$1")
    .replace(/\\\r?\n/g, " ")
    .replace(/\s+/g, " ")
    .replace(/\(\s/g, "(")
    .replace(/\s\)/g, ")")
    .trim();
  return line.length <= maxStatementText ? line : `${line.slice(0, maxStatementText - 1)}…`;
}
