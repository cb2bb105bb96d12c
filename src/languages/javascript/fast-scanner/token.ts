/**
 * One token of a JS/TS file as the fast scanner sees it. Brackets are kept as a tree: an opener and
 * its closer sit at the outer level (`parent`), the tokens between them point at the opener.
 * A JSX element is a bracket pair too (`<` … end of the element), its `{…}` containers inside it.
 * A class with every field set in its constructor, so that all tokens share one shape.
 */
export class Token {
  /** For an opener, the index of its closer; for a closer, the index of its opener. */
  pair = -1;
  /** A string or template whose text holds an escape, so `value` is not what it means. */
  escaped = false;
  /** A `{` that holds statements (a block, a function body), not an object, a class or a type. */
  statementBlock = false;

  constructor(
    readonly kind: TokenKind,
    readonly start: number,
    readonly end: number,
    /** A name, a punctuator, or the value of a string or a template without substitutions. */
    readonly value: string,
    /** A line break between this token and the one before. */
    readonly newlineBefore: boolean,
    /** Index of the innermost open bracket around this token, or -1 at the top of the file. */
    readonly parent: number,
  ) {}
}

export type TokenKind =
  | "name"
  | "string"
  /** A template literal without substitutions: a string a `require` or `import()` may name. */
  | "template"
  | "number"
  | "regex"
  | "punct"
  /** `(`, `[`, `{`, a template's `${`, a JSX element's start or a JSX `{` container. */
  | "open"
  /** The closer matching an `open`. */
  | "close";

/** A string with escapes, a `\` in a name: rare in imports, so the reference parser decides. */
export class UnsureError extends Error {}
