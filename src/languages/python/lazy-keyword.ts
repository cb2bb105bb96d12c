/**
 * The offset of a PEP 810 `lazy` soft keyword written before the import statement starting at
 * offset `start`, if any. tree-sitter's grammar predates PEP 810: it parses `lazy` as an ERROR node and
 * the import after it as a normal statement on the same line, so the line's text before the statement
 * tells us. Both the parser and the fast scanner ask it.
 */
export function lazyKeywordBefore(start: number, text: string): number | undefined {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const prefix = text.slice(lineStart, start);
  const keyword = /lazy[ \t]+$/.exec(prefix);
  if (!keyword) return undefined;
  // `lazy` must start a statement: at the line start, or after `;` or a compound statement's `:`.
  const before = prefix.slice(0, keyword.index);
  return /(?:^|[;:])[ \t]*$/.test(before) ? lineStart + keyword.index : undefined;
}
