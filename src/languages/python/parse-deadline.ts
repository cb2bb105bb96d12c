import { ParseTimeoutError } from "./parse-timeout-error.js";

export interface ParseDeadline {
  /** `performance.now()` past which the work on one file stops. */
  readonly at: number;
  readonly limitMs: number;
}

/** Steps between two looks at the clock: a step is a node or a statement, well under a microsecond. */
const stepsPerLook = 1024;

/**
 * The deadline of one file's scan, for the steps after the parse (walking the tree, reading its
 * imports): each calls `tick`, which throws `ParseTimeoutError` once the deadline has passed. The
 * parse alone being bounded is not enough: a tree can be cheap to build and dear to walk.
 */
export class DeadlineCheck {
  private steps = 0;

  constructor(private readonly deadline: ParseDeadline) {}

  tick(): void {
    this.steps += 1;
    if (this.steps % stepsPerLook === 0) this.now();
  }

  /** Throws now if the deadline has passed. */
  now(): void {
    if (performance.now() > this.deadline.at) throw new ParseTimeoutError(this.deadline.limitMs);
  }
}
