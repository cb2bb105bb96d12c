import { isHardKeyword, Kind, Word, type PythonTokens } from "./python-tokens.js";

/** The parts of an import statement that `RawImport` keeps, read from tokens. */
export interface ImportParts {
  readonly kind: "import" | "from";
  /** One module per name for `import a, b`; the source module for a from-import. */
  readonly modules: readonly string[];
  readonly level: number;
  readonly names: readonly string[];
}

/**
 * Reads `import a.b as c, d` or `from ..a import (b as c, d)` from the tokens [from, to), strictly:
 * undefined for anything CPython would reject or tree-sitter may read differently (a trailing
 * comma without parentheses, a dotted name after `from ... import`), so the parser handles it.
 */
export function readImportTokens(
  tokens: PythonTokens,
  text: string,
  from: number,
  to: number,
): ImportParts | undefined {
  const reader = new Reader(tokens, text, from, to);
  const parts =
    tokens.words[from] === Word.IMPORT ? reader.importStatement() : reader.fromStatement();
  return parts && reader.atEnd() ? parts : undefined;
}

class Reader {
  constructor(
    private readonly tokens: PythonTokens,
    private readonly text: string,
    private at: number,
    private readonly to: number,
  ) {}

  atEnd(): boolean {
    return this.at === this.to;
  }

  importStatement(): ImportParts | undefined {
    this.at++;
    const modules: string[] = [];
    do {
      const module = this.dotted();
      if (module === undefined || !this.alias()) return undefined;
      modules.push(module);
    } while (this.take(Kind.COMMA));
    return { kind: "import", modules, level: 0, names: [] };
  }

  fromStatement(): ImportParts | undefined {
    this.at++;
    let level = 0;
    for (;;) {
      if (this.take(Kind.DOT)) level += 1;
      else if (this.take(Kind.ELLIPSIS)) level += 3;
      else break;
    }
    const module = this.isWord(Word.IMPORT) ? "" : this.dotted();
    if (module === undefined || (level === 0 && module === "") || !this.takeWord(Word.IMPORT)) {
      return undefined;
    }
    const names = this.take(Kind.STAR) ? ["*"] : this.names();
    return names && { kind: "from", modules: [module], level, names };
  }

  private names(): string[] | undefined {
    const parenthesised = this.take(Kind.OPEN, 40);
    const names: string[] = [];
    do {
      if (parenthesised && names.length > 0 && this.peek() === Kind.CLOSE) break;
      const name = this.name();
      if (name === undefined || !this.alias()) return undefined;
      names.push(name);
    } while (this.take(Kind.COMMA));
    return !parenthesised || this.take(Kind.CLOSE) ? names : undefined;
  }

  private dotted(): string | undefined {
    const parts: string[] = [];
    do {
      const name = this.name();
      if (name === undefined) return undefined;
      parts.push(name);
    } while (this.take(Kind.DOT));
    return parts.join(".");
  }

  private alias(): boolean {
    return !this.takeWord(Word.AS) || this.name() !== undefined;
  }

  private name(): string | undefined {
    const { kinds, words, starts, ends } = this.tokens;
    if (this.at >= this.to || kinds[this.at] !== Kind.NAME) return undefined;
    if (isHardKeyword(words[this.at] ?? 0)) return undefined;
    const name = this.text.slice(starts[this.at], ends[this.at]);
    this.at++;
    return name;
  }

  private peek(): number | undefined {
    return this.at < this.to ? this.tokens.kinds[this.at] : undefined;
  }

  private take(kind: number, word?: number): boolean {
    if (this.peek() !== kind || (word !== undefined && this.tokens.words[this.at] !== word)) {
      return false;
    }
    this.at++;
    return true;
  }

  private isWord(word: number): boolean {
    return this.peek() === Kind.NAME && this.tokens.words[this.at] === word;
  }

  private takeWord(word: number): boolean {
    return this.isWord(word) && this.take(Kind.NAME);
  }
}
