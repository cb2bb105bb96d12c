import { isHardKeyword, Kind } from "./python-tokens.js";

/**
 * Whether the part of a statement before each `=` can be assigned to: names, attributes,
 * subscripts, tuples and starred names, never `1 + x` or a call (`f() = 1`).
 */
export class AssignmentTarget {
  /** The part since the last `=` holds an operator, a literal or a keyword. */
  private notTarget = false;
  private endsWithCall = false;

  /** A token outside brackets. */
  see(kind: number, word: number, afterOperand: boolean): void {
    this.endsWithCall = false;
    const safe =
      (kind === Kind.NAME && !isHardKeyword(word)) ||
      kind === Kind.DOT ||
      kind === Kind.COMMA ||
      kind === Kind.OPEN ||
      kind === Kind.CLOSE ||
      kind === Kind.COLON ||
      kind === Kind.ASSIGN ||
      kind === Kind.AUGASSIGN ||
      (kind === Kind.STAR && !afterOperand);
    if (!safe) this.notTarget = true;
  }

  /** Brackets closed back to the outside: a call's parentheses, or others. */
  closed(call: boolean): void {
    this.endsWithCall = call;
  }

  /** At an `=`: whether the part before it can be assigned to; the part after starts afresh. */
  assignable(annotated: boolean): boolean {
    const ok = annotated || (!this.notTarget && !this.endsWithCall);
    this.notTarget = false;
    return ok;
  }
}
