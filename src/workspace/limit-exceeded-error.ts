import { workspaceLimitVariables, type WorkspaceLimits } from "./workspace-limits.js";

/** The limits whose excess stops a review; `maxFileBytes` only skips the file. */
export type ExceededLimit = Exclude<keyof WorkspaceLimits, "maxFileBytes">;

/**
 * A commit too large to review. Thrown by `openSnapshot` before any file is read; callers should
 * end the review with this message (a completed check run), not retry it: the commit will not shrink.
 */
export class LimitExceededError extends Error {
  constructor(
    readonly limit: ExceededLimit,
    readonly actual: number,
    readonly max: number,
    readonly sha: string,
  ) {
    const what = limit === "maxFiles" ? "has" : "holds";
    const unit = limit === "maxFiles" ? "files" : "bytes of files";
    super(
      `commit ${sha.slice(0, 12)} ${what} ${count(actual)} ${unit}; archdrift reviews at most ` +
        `${count(max)} (${workspaceLimitVariables[limit]})`,
    );
    this.name = "LimitExceededError";
  }
}

/** 250,000 rather than 250000: the numbers are read on a check run by people. */
function count(value: number): string {
  return value.toLocaleString("en-US");
}
