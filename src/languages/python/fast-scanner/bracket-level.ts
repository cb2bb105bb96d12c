import { ParameterList } from "./parameter-list.js";
import { Kind, type PythonTokens } from "./python-tokens.js";

/** What `BracketRules` knows of one open bracket (or of the range outside all brackets). */
export interface BracketLevel {
  readonly opener: number;
  /** `(` after an operand: a call, where `name=value` arguments stand. */
  readonly call: boolean;
  /** The def's parameter list these brackets hold. */
  readonly parameters: ParameterList | undefined;
  /** A lambda's parameters being read at this depth, up to their `:`. */
  lambda: ParameterList | undefined;
  /** In braces: entries with a `:` and without, which a dict or set display must not mix. */
  keyed: boolean;
  unkeyed: boolean;
  entryKeyed: boolean;
  /** Nothing read yet in the current entry. */
  fresh: boolean;
  comprehension: boolean;
  /** Between a comprehension's `for` and its `in`, where `for k, v in` has commas. */
  forTarget: boolean;
  /** Conditional expressions still waiting for their `else`. */
  ternaries: number;
  /** Colons in the current subscript element: `a[::2]` has two, three is one too many. */
  colons: number;
}

export function bracketLevel(
  opener: number,
  call: boolean,
  isDefParameters: boolean,
): BracketLevel {
  return {
    opener,
    call,
    parameters: isDefParameters ? new ParameterList(true) : undefined,
    lambda: undefined,
    keyed: false,
    unkeyed: false,
    entryKeyed: false,
    fresh: true,
    comprehension: false,
    forTarget: false,
    ternaries: 0,
    colons: 0,
  };
}

/** The first token of a display entry: `{**base, "k": v}` unpacks a mapping, a dict entry. */
export function startEntry(top: BracketLevel, tokens: PythonTokens, i: number): void {
  if (!top.fresh || tokens.kinds[i] === Kind.CLOSE) return;
  top.fresh = false;
  const width = (tokens.ends[i] ?? 0) - (tokens.starts[i] ?? 0);
  if (tokens.kinds[i] === Kind.STAR && width === 2) top.entryKeyed = true;
}

/** The end of a display entry: a dict or set display must not mix keyed and unkeyed ones. */
export function endEntry(top: BracketLevel): void {
  if (top.opener !== 123) return;
  if (top.entryKeyed) top.keyed = true;
  else top.unkeyed = true;
  top.entryKeyed = false;
  top.fresh = true;
}
