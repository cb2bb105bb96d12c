import type { ImportContext } from "../import-context.js";
import { lazyKeywordBefore } from "../lazy-keyword.js";
import {
  blockColon,
  compoundWords,
  follows,
  Last,
  lastAfter,
  topLevelCount,
} from "./python-block-rules.js";
import { Kind, Word, type PythonTokens } from "./python-tokens.js";
import { readImportTokens, type ImportParts } from "./read-import-tokens.js";
import { Expect, validTokenRun } from "./token-run-check.js";
import { typeCheckingCondition } from "./type-checking-condition.js";
import { validHeader } from "./valid-header.js";
import { validSimpleStatement } from "./valid-simple-statement.js";

/** An import statement the fast scanner found: tokens [from, to), where it sits, what it says. */
export interface FastImport {
  readonly from: number;
  readonly to: number;
  readonly context: ImportContext;
  readonly lazyKeyword: boolean;
  readonly parts: ImportParts;
}

interface Block {
  readonly context: ImportContext;
  /** A `match` body: every statement is a `case`. */
  readonly matchBody: boolean;
  last: number;
  /** The TYPE_CHECKING branch of the if statement that `last` names. */
  typeOnlyBranch: "consequence" | "alternative" | undefined;
}

type Opened = Pick<Block, "context" | "matchBody">;

const moduleLevel: ImportContext = { lazy: false, typeOnly: false };

/**
 * `importStatements` without a tree: follows the block structure (INDENT, DEDENT, headers ending in
 * `:`) to know which imports sit in a function or a TYPE_CHECKING branch, and checks every statement
 * on the way. Undefined when any of it looks wrong, so a file that tree-sitter would flag as broken
 * never gets a fast answer.
 */
export function fastImportStatements(tokens: PythonTokens, text: string): FastImport[] | undefined {
  return new Walker(tokens, text).run();
}

class Walker {
  private readonly blocks: Block[] = [opened({ context: moduleLevel, matchBody: false })];
  private readonly found: FastImport[] = [];
  private pending: Opened | undefined;

  constructor(
    private readonly tokens: PythonTokens,
    private readonly text: string,
  ) {}

  run(): FastImport[] | undefined {
    const { kinds, count } = this.tokens;
    let i = 0;
    while (i < count) {
      const kind = kinds[i];
      if (kind === Kind.INDENT) {
        if (!this.pending) return undefined;
        this.blocks.push(opened(this.pending));
        this.pending = undefined;
        i++;
      } else if (this.pending) return undefined;
      else if (kind === Kind.DEDENT) {
        if (!this.close()) return undefined;
        i++;
      } else {
        let end = i;
        while (kinds[end] !== Kind.NEWLINE) end++;
        if (!this.line(i, end)) return undefined;
        i = end + 1;
      }
    }
    return !this.pending && this.close() && this.blocks.length === 0 ? this.found : undefined;
  }

  private close(): boolean {
    const block = this.blocks.pop();
    return block !== undefined && block.last !== Last.TRY && block.last !== Last.DECORATOR;
  }

  private line(start: number, end: number): boolean {
    const block = this.blocks[this.blocks.length - 1];
    if (!block) return false;
    const decorator = this.tokens.kinds[start] === Kind.AT;
    const head = decorator ? Word.PLAIN : this.headerWord(start, end, block);
    if (!follows(block, head, decorator)) return false;
    if (decorator) {
      block.last = Last.DECORATOR;
      if (topLevelCount(this.tokens, start, end, Kind.COMMA) > 0) return false;
      return validTokenRun(this.tokens, start + 1, end, Expect.OPERAND);
    }
    if (head === Word.PLAIN) {
      block.last = Last.NONE;
      return this.simpleStatements(start, end, block.context);
    }
    return this.header(start, end, head, block);
  }

  /** The keyword of a compound statement starting at `start`, or PLAIN for simple statements. */
  private headerWord(start: number, end: number, block: Block): number {
    const { kinds, words } = this.tokens;
    if (kinds[start] !== Kind.NAME) return Word.PLAIN;
    const word = words[start] ?? Word.PLAIN;
    if (word === Word.ASYNC) return Word.ASYNC;
    if (word === Word.CASE) return block.matchBody ? Word.CASE : Word.PLAIN;
    if (word === Word.MATCH)
      return blockColon(this.tokens, start, end) === end - 1 ? word : Word.PLAIN;
    return compoundWords.has(word) ? word : Word.PLAIN;
  }

  private header(start: number, end: number, head: number, block: Block): boolean {
    let word = head;
    if (head === Word.ASYNC) {
      word = this.tokens.words[start + 1] ?? Word.PLAIN;
      if (word !== Word.DEF && word !== Word.FOR && word !== Word.WITH) return false;
      if (block.last === Last.DECORATOR && word !== Word.DEF) return false;
      start++;
    }
    const colon = blockColon(this.tokens, start, end);
    if (colon < 0 || !validHeader(this.tokens, start, colon, word)) return false;
    const context = this.bodyContext(start, colon, word, block);
    if (context === undefined) return false;
    block.last = lastAfter(word, block.last);
    if (colon === end - 1) {
      this.pending = { context, matchBody: word === Word.MATCH };
      return true;
    }
    return word !== Word.MATCH && this.simpleStatements(colon + 1, end, context);
  }

  /** The context of a header's body, or undefined when its TYPE_CHECKING test is unclear. */
  private bodyContext(
    start: number,
    colon: number,
    word: number,
    block: Block,
  ): ImportContext | undefined {
    const context = block.context;
    if (word === Word.DEF) return { ...context, lazy: true };
    if (word === Word.IF) {
      const branch = typeCheckingCondition(this.tokens, start + 1, colon);
      const conditionText = this.text.slice(this.tokens.starts[start], this.tokens.starts[colon]);
      // A comment inside the condition's parentheses changes what tree-sitter calls its child.
      if (branch === "unsure" || (branch && conditionText.includes("#"))) return undefined;
      block.typeOnlyBranch = branch;
      return branch === "consequence" ? { ...context, typeOnly: true } : context;
    }
    const alternative = block.last === Last.IF && block.typeOnlyBranch === "alternative";
    return (word === Word.ELIF || word === Word.ELSE) && alternative
      ? { ...context, typeOnly: true }
      : context;
  }

  private simpleStatements(from: number, end: number, context: ImportContext): boolean {
    let start = from;
    while (start < end) {
      let stop = start;
      while (stop < end && this.tokens.kinds[stop] !== Kind.SEMI) stop++;
      if (stop === start || !this.simple(start, stop, context)) return false;
      start = stop + 1;
    }
    return true;
  }

  private simple(start: number, end: number, context: ImportContext): boolean {
    const { kinds, words } = this.tokens;
    const word = kinds[start] === Kind.NAME ? (words[start] ?? Word.PLAIN) : -1;
    const second = kinds[start + 1] === Kind.NAME && start + 1 < end ? words[start + 1] : -1;
    if (word === Word.IMPORT || word === Word.FROM) return this.import(start, end, context, false);
    if (word === Word.LAZY && (second === Word.IMPORT || second === Word.FROM)) {
      const keyword = lazyKeywordBefore(this.tokens.starts[start + 1] ?? 0, this.text);
      return keyword === this.tokens.starts[start] && this.import(start + 1, end, context, true);
    }
    return validSimpleStatement(this.tokens, start, end);
  }

  private import(from: number, to: number, context: ImportContext, lazyKeyword: boolean): boolean {
    const parts = readImportTokens(this.tokens, this.text, from, to);
    // The grammar has its own node for `from __future__`, which recovers differently after `lazy`.
    const future = parts?.kind === "from" && parts.level === 0 && parts.modules[0] === "__future__";
    if (lazyKeyword && future) return false;
    if (parts) this.found.push({ from, to, context, lazyKeyword, parts });
    return parts !== undefined;
  }
}

function opened(block: Opened): Block {
  return { ...block, last: Last.NONE, typeOnlyBranch: undefined };
}
