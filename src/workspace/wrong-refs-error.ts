/** A commit as the user or the event named it, with the SHA it resolved to. */
export interface NamedCommit {
  /** What was named (`main`, `HEAD~2`); the SHA itself when nothing else was. */
  readonly ref: string;
  readonly sha: string;
}

/**
 * Why base and head cannot be compared the way a pull request is: a shallow clone without the
 * commit the head branched off, histories with no common commit, or a head already inside base
 * (refs swapped, or a branch merged long ago).
 */
export type WrongRefsProblem = "shallow" | "unrelated" | "head-behind-base";

/**
 * Base and head named commits archdrift will not compare: any other commit in their place would
 * judge the wrong change (the base's own later work, or nothing at all) and pass in silence.
 */
export class WrongRefsError extends Error {
  constructor(
    readonly problem: WrongRefsProblem,
    readonly base: NamedCommit,
    readonly head: NamedCommit,
  ) {
    super(`${problemText[problem]}: base ${nameOf(base)}, head ${nameOf(head)}`);
    this.name = "WrongRefsError";
  }
}

const problemText: Record<WrongRefsProblem, string> = {
  shallow: "no merge base in this shallow clone",
  unrelated: "no merge base: the histories are unrelated",
  "head-behind-base": "the head is an ancestor of the base",
};

/** `main (1a2b3c4)`, or the short SHA alone when the SHA is all that was named. */
export function nameOf(commit: NamedCommit): string {
  const short = commit.sha.slice(0, 7);
  return commit.ref === commit.sha ? short : `${commit.ref} (${short})`;
}
