/**
 * The offset of a PEP 810 `lazy` soft keyword written before the import statement starting at
 * offset `start`, if any. tree-sitter's grammar predates PEP 810: it parses `lazy` as an ERROR node and
 * the import after it as a normal statement on the same line, so the line's text before the statement
 * tells us. Both the parser and the fast scanner ask it.
 * It reads backwards from `start` only as far as the blanks and the keyword: a line of 100,000
 * statements (`import a; import a; ...`) must not be read again for each.
 */
export function lazyKeywordBefore(start: number, text: string): number | undefined {
  const keywordEnd = skipBlanksBack(text, start);
  if (keywordEnd === start) return undefined;
  const keyword = keywordEnd - "lazy".length;
  if (keyword < 0 || text.slice(keyword, keywordEnd) !== "lazy") return undefined;
  // `lazy` must start a statement: at the line start, or after `;` or a compound statement's `:`.
  const before = skipBlanksBack(text, keyword);
  const previous = before === 0 ? "\n" : text[before - 1];
  return previous === "\n" || previous === ";" || previous === ":" ? keyword : undefined;
}

/** The offset after the last character before `end` that is not a space or a tab. */
function skipBlanksBack(text: string, end: number): number {
  let at = end;
  while (at > 0 && (text[at - 1] === " " || text[at - 1] === "\t")) at--;
  return at;
}
