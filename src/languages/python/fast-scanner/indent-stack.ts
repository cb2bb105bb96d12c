/**
 * The indentation of the open blocks, as the strings written: compared as strings, never as
 * columns, so that indentation mixing tabs and spaces is refused rather than guessed at.
 */
export class IndentStack {
  private readonly indents: string[] = [""];

  /** Open blocks, the module excepted. */
  get depth(): number {
    return this.indents.length - 1;
  }

  /**
   * A logical line starts with `indent`: 1 for an INDENT, -n for n DEDENTs, 0 for the same block,
   * undefined when it matches no open block or only a column count could compare it.
   */
  enter(indent: string): number | undefined {
    let top = this.top();
    if (indent === top) return 0;
    if (indent.length > top.length && indent.startsWith(top)) {
      this.indents.push(indent);
      return 1;
    }
    let dedents = 0;
    while (this.indents.length > 1 && indent !== top) {
      this.indents.pop();
      dedents++;
      top = this.top();
    }
    return indent === top ? -dedents : undefined;
  }

  /**
   * A continuation line (inside brackets, after a backslash) indented less than its statement, or
   * with tabs where the statement has spaces: CPython ignores it, tree-sitter's scanner sometimes
   * reads a dedent there. Blank lines are fine.
   */
  continues(text: string, lineStart: number): boolean {
    let i = lineStart;
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || i >= text.length) return true;
    return text.startsWith(this.top(), lineStart);
  }

  private top(): string {
    return this.indents[this.indents.length - 1] ?? "";
  }
}
