/**
 * A file whose parse ran past its deadline. Parse time is not reproducible (it depends on the
 * machine's load), so the review stops rather than read the file as import-free: a missing file on
 * one side of the diff would show up as imports added or removed.
 */
export class ParseTimeoutError extends Error {
  constructor(
    readonly limitMs: number,
    /** Filled in by the caller that knows which file it gave. */
    readonly path?: string,
  ) {
    super(
      `parsing ${path === undefined ? "a Python file" : `\`${path}\``} took longer than ` +
        `${limitMs.toLocaleString("en-US")} ms (ARCHDRIFT_MAX_PARSE_MS)`,
    );
    this.name = "ParseTimeoutError";
  }
}
