/** Where the lexer is: plain code, a template literal, a JSX tag (its name, its attributes) or its children. */
export type Mode = "code" | "template" | "jsx-tag-name" | "jsx-tag" | "jsx-children";

export interface Frame {
  readonly open: number;
  mode: Mode;
  /** In type parameters or arguments (`<T extends A<B>>`): the `<` still open inside them. */
  angles: number | undefined;
}

/** What the character-level reads (`lex-reads`, `lex-jsx`) need of the lexer. */
export interface LexerState {
  readonly source: string;
  position: number;
  readonly frames: Frame[];
  /** Skips whitespace and comments; false at the end of the file. */
  skipTrivia(): boolean;
  open(start: number, value: string, mode?: Mode, length?: number): void;
  close(start: number, value: string, length?: number): void;
  openTypeParameters(start: number): void;
}
