/**
 * An import statement's source with its comments already cut, on one line. A continuation right
 * after the dot of a dotted name (`import a.\` then `b`) joins without a space.
 */
export function collapseStatement(source: string): string {
  return source
    .replace(/(\w\.)\\\r?\n\s*/g, "$1")
    .replace(/\\\r?\n/g, " ")
    .replace(/\s+/g, " ")
    .replace(/\(\s/g, "(")
    .replace(/\s\)/g, ")")
    .trim();
}
