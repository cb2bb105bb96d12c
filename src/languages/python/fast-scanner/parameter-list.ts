import { isHardKeyword, Kind } from "./python-tokens.js";

type Part = "start" | "starred" | "double" | "name" | "marker" | "annotation" | "default";

/**
 * Follows a def's or lambda's parameter list, one token at a time at the list's own bracket depth:
 * `name [: annotation] [= default]`, `*name`, `**name`, a bare `*` or `/`, separated by commas.
 * Parameters are not expressions: `lambda *b**c: 0` and `def f(a:= 1)` read as expressions would.
 */
export class ParameterList {
  private part: Part = "start";
  /** The annotation or default being read has a token. */
  private filled = false;

  constructor(private readonly annotations: boolean) {}

  /** Whether a token can stand inside brackets nested in the list: only in an expression part. */
  inExpression(): boolean {
    return this.part === "annotation" || this.part === "default";
  }

  /** `double` tells `**` from `*`. */
  accept(kind: number, word: number, double: boolean): boolean {
    if (kind === Kind.COMMA) {
      // A bare `*` before keyword-only parameters ends with its comma.
      const ends = (this.part === "starred" || this.complete()) && this.part !== "start";
      this.part = "start";
      return ends;
    }
    switch (this.part) {
      case "start":
        return this.first(kind, word, double);
      case "starred":
      case "double":
        return this.name(kind, word);
      case "name":
        if (kind === Kind.COLON && this.annotations) this.part = "annotation";
        else if (kind === Kind.ASSIGN) this.part = "default";
        else return false;
        this.filled = false;
        return true;
      case "marker":
        return false;
      case "annotation":
      case "default":
        return this.expression(kind);
    }
  }

  /** Whether the list may end here: no `*`, `**`, `name:` or `name=` waiting for more. */
  complete(): boolean {
    if (this.part === "starred" || this.part === "double") return false;
    return !this.inExpression() || this.filled;
  }

  private expression(kind: number): boolean {
    if (kind === Kind.COLON) return false;
    if (kind === Kind.ASSIGN && this.part === "annotation") {
      const filled = this.filled;
      this.part = "default";
      this.filled = false;
      return filled;
    }
    this.filled = true;
    return true;
  }

  private first(kind: number, word: number, double: boolean): boolean {
    if (kind === Kind.STAR) this.part = double ? "double" : "starred";
    else if (kind === Kind.SLASH) this.part = "marker";
    else return this.name(kind, word);
    return true;
  }

  private name(kind: number, word: number): boolean {
    if (kind !== Kind.NAME || isHardKeyword(word)) return false;
    this.part = "name";
    return true;
  }
}
