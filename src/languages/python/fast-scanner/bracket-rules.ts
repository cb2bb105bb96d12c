import { AssignmentTarget } from "./assignment-target.js";
import { bracketLevel, endEntry, startEntry, type BracketLevel } from "./bracket-level.js";
import { ParameterList } from "./parameter-list.js";
import { Kind, Word, type PythonTokens } from "./python-tokens.js";
import {
  annotationToken,
  patternToken,
  tokenPairOk,
  type TokenSurroundings,
} from "./restricted-tokens.js";

/** What a range may hold besides calls, slices, dict entries and lambdas. */
export const Places = {
  /** An expression statement: `a = b = c`, `x += 1`, `x: int = 1` outside brackets. */
  STATEMENT: 1,
  /** A def header: its first parenthesised list is the parameters. */
  PARAMETERS: 2,
  /** A raise statement: `raise X from Y`. */
  RAISE: 4,
  /** A case header: a pattern, then an optional `if` guard, which is an expression. */
  PATTERN: 8,
  /** A with or except header: `with open(p) as f`, `except E as e`. */
  AS: 16,
} as const;

/**
 * Follows the brackets around each token of a range so that `=`, `:` and `from` are accepted only
 * where Python allows them: `=` in a call, in parameters or as a statement's assignment to a
 * target; `:` in a subscript, a dict display, after parameters, or as the one annotation of a
 * statement, before any `=`; `from` after `yield` or in `raise X from Y`.
 */
export class BracketRules {
  private readonly levels: BracketLevel[] = [bracketLevel(0, false, false)];
  private assigned = false;
  private annotated = false;
  private raisedFrom = false;
  /** A case header's guard has started: the rest is an expression, not a pattern. */
  private guarded = false;
  private readonly target = new AssignmentTarget();
  private sawParameters = false;
  private readonly around: { -readonly [K in keyof TokenSurroundings]: TokenSurroundings[K] };

  constructor(private readonly places: number) {
    this.around = {
      top: this.levels[0] ?? bracketLevel(0, false, false),
      outside: true,
      statement: false,
      pattern: false,
      binds: false,
      raisedFrom: false,
    };
  }

  allows(tokens: PythonTokens, i: number, afterOperand: boolean): boolean {
    const kind = tokens.kinds[i] ?? 0;
    const word = tokens.words[i] ?? 0;
    const top = this.levels[this.levels.length - 1] ?? bracketLevel(0, false, false);
    startEntry(top, tokens, i);
    if (this.levels.length === 1) this.target.see(kind, word, afterOperand);
    if (this.inAnnotation(kind) && !annotationToken(kind, word)) return false;
    const guard = this.isGuard(kind, word);
    if (this.inPattern(kind, word) && !patternToken(kind, word, afterOperand)) return false;
    if (guard) return true;
    const pattern = (this.places & Places.PATTERN) !== 0 && !this.guarded;
    // One object per range, refilled for each token: a new one each was garbage by the million.
    const around = this.around;
    around.top = top;
    around.outside = this.levels.length === 1;
    around.statement = (this.places & Places.STATEMENT) !== 0;
    around.pattern = pattern;
    around.binds = (this.places & Places.AS) !== 0 || pattern;
    around.raisedFrom = this.raisedFrom;
    if (!tokenPairOk(tokens, i, afterOperand, around)) return false;
    if (kind === Kind.CLOSE) return this.close();
    const parameters = top.lambda ?? top.parameters;
    if (kind === Kind.NAME && word === Word.LAMBDA) {
      // A lambda in a lambda's defaults is too rare to be worth following.
      if (top.lambda || (parameters && !parameters.inExpression())) return false;
      top.lambda = new ParameterList(false);
      return true;
    }
    if (parameters && !(kind === Kind.COLON && top.lambda)) {
      const double = (tokens.ends[i] ?? 0) - (tokens.starts[i] ?? 0) === 2;
      if (!parameters.accept(kind, word, double)) return false;
      if (kind === Kind.OPEN) this.open(word, afterOperand);
      return true;
    }
    if (kind === Kind.OPEN) this.open(word, afterOperand);
    else if (kind === Kind.NAME && word === Word.FOR) {
      // `a[x for x in y]` needs parentheses around the generator.
      if (top.opener === 91 && top.call) return false;
      top.comprehension = true;
      top.forTarget = true;
    } else if (kind === Kind.NAME && word === Word.IN) top.forTarget = false;
    else if (kind === Kind.NAME && word === Word.IF) {
      // A comprehension's filter needs no `else`; `a if b` without one is incomplete.
      if (!top.comprehension || top.forTarget) top.ternaries++;
    } else if (kind === Kind.NAME && word === Word.ELSE) return --top.ternaries >= 0;
    else if (kind === Kind.NAME && word === Word.FROM) return this.from(tokens, i);
    else if (kind === Kind.COLON) return this.colon(top, tokens.kinds[i - 1] ?? 0);
    else if (kind === Kind.ASSIGN) return this.assign(top, tokens, i);
    else if (kind === Kind.AUGASSIGN) return this.augmented();
    else if (kind === Kind.COMMA) {
      if (top.comprehension && !top.forTarget && this.levels.length > 1) return false;
      endEntry(top);
    }
    return true;
  }

  /** Outside brackets, after a statement's annotation colon and before its `=`. */
  private inAnnotation(kind: number): boolean {
    if (!this.annotated || this.assigned || this.levels.length !== 1) return false;
    return kind !== Kind.COLON;
  }

  private isGuard(kind: number, word: number): boolean {
    const pattern = (this.places & Places.PATTERN) !== 0 && !this.guarded;
    return pattern && kind === Kind.NAME && word === Word.IF && this.levels.length === 1;
  }

  /** Until a case header's guard: `case [x, *rest] if x:` */
  private inPattern(kind: number, word: number): boolean {
    if ((this.places & Places.PATTERN) === 0) return false;
    if (kind === Kind.NAME && word === Word.IF && this.levels.length === 1) this.guarded = true;
    return !this.guarded;
  }

  private open(opener: number, afterOperand: boolean): void {
    const isDefParameters =
      opener === 40 &&
      this.levels.length === 1 &&
      !this.sawParameters &&
      (this.places & Places.PARAMETERS) !== 0;
    if (isDefParameters) this.sawParameters = true;
    this.levels.push(bracketLevel(opener, afterOperand, isDefParameters));
  }

  /** Whether the range may end here. */
  finish(): boolean {
    const top = this.levels[0];
    return this.levels.length === 1 && top !== undefined && top.ternaries === 0 && !top.lambda;
  }

  private close(): boolean {
    const closed = this.levels.pop();
    if (!closed || this.levels.length === 0) return false;
    if (closed.ternaries !== 0 || closed.lambda) return false;
    if (closed.parameters && !closed.parameters.complete()) return false;
    if (this.levels.length === 1) this.target.closed(closed.opener === 40 && closed.call);
    if (closed.opener !== 123) return true;
    if (!closed.fresh) endEntry(closed);
    return closed.comprehension || !(closed.keyed && closed.unkeyed);
  }

  private colon(top: BracketLevel, before: number): boolean {
    if (top.lambda) {
      // The colon that ends a lambda's parameters.
      const complete = top.lambda.complete();
      top.lambda = undefined;
      return complete;
    }
    // Tree-sitter reads annotations as types, where `dict[str, :int]` is no slice.
    if (this.annotated && !this.assigned) return false;
    if (top.opener === 91) return top.call;
    if (top.opener === 123) {
      if (top.comprehension) return false;
      // `{: v}`, `{a, : v}` and `{a: b: c}` have no key for the colon.
      const keyless = before === Kind.OPEN || before === Kind.COMMA || top.entryKeyed;
      top.entryKeyed = true;
      return !keyless;
    }
    if (top.opener === 40) return false;
    if (this.annotated || this.assigned || (this.places & Places.STATEMENT) === 0) return false;
    this.annotated = true;
    return true;
  }

  private assign(top: BracketLevel, tokens: PythonTokens, i: number): boolean {
    if (this.levels.length > 1) {
      // `f(name=value)`: the keyword is one name right after `(` or `,`.
      const before = tokens.kinds[i - 2];
      const keyword =
        tokens.kinds[i - 1] === Kind.NAME && (before === Kind.OPEN || before === Kind.COMMA);
      return top.opener === 40 && top.call && keyword;
    }
    // `x: int = 1` takes one value: `x: int = y = 1` is wrong.
    if (this.annotated && this.assigned) return false;
    this.assigned = true;
    return (this.places & Places.STATEMENT) !== 0 && this.target.assignable(this.annotated);
  }

  private augmented(): boolean {
    const ok = this.levels.length === 1 && !this.assigned && (this.places & Places.STATEMENT) !== 0;
    this.assigned = true;
    return ok && this.target.assignable(this.annotated);
  }

  private from(tokens: PythonTokens, i: number): boolean {
    if (tokens.kinds[i - 1] === Kind.NAME && tokens.words[i - 1] === Word.YIELD) return true;
    const ok = this.levels.length === 1 && (this.places & Places.RAISE) !== 0 && !this.raisedFrom;
    this.raisedFrom = true;
    return ok;
  }
}
