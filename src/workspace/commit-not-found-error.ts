/** A commit a webhook named that the server no longer has, typically a head force-pushed away. */
export class CommitNotFoundError extends Error {
  constructor(
    readonly sha: string,
    readonly role: "base" | "head",
    readonly pullNumber: number | undefined,
  ) {
    super(
      `The ${role} commit ${sha}${pullNumber === undefined ? "" : ` of pull request #${pullNumber}`} is not on the server` +
        (role === "head"
          ? " (the branch was probably force-pushed since): review the pull request's current head instead."
          : "."),
    );
    this.name = "CommitNotFoundError";
  }
}
