import { workspaceLimitVariables, type WorkspaceLimits } from "./workspace-limits.js";

/** The limits whose excess stops a review; `maxFileBytes` only skips the file. */
export type ExceededLimit = Exclude<keyof WorkspaceLimits, "maxFileBytes">;

/**
 * A commit (or a fetch) too large to review. Thrown before any file is read; callers should end
 * the review with this message (a completed check run), not retry it: the commit will not shrink.
 */
export class LimitExceededError extends Error {
  constructor(
    readonly limit: ExceededLimit,
    readonly actual: number,
    readonly max: number,
    /** The commit, or for `maxFetchBytes` the repository being fetched. */
    readonly subject: string,
  ) {
    super(
      `${excess(limit, actual, subject)}; archdrift reviews at most ${count(max)} ` +
        `(${workspaceLimitVariables[limit]})`,
    );
    this.name = "LimitExceededError";
  }
}

function excess(limit: ExceededLimit, actual: number, subject: string): string {
  switch (limit) {
    case "maxFiles":
      return `commit ${subject.slice(0, 12)} has ${count(actual)} files`;
    case "maxTotalBytes":
      return `commit ${subject.slice(0, 12)} holds ${count(actual)} bytes of files`;
    case "maxFetchBytes":
      return `fetching the pull request from ${subject} passed ${count(actual)} bytes and was stopped`;
  }
}

/** 250,000 rather than 250000: the numbers are read on a check run by people. */
function count(value: number): string {
  return value.toLocaleString("en-US");
}
