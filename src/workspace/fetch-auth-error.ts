/**
 * The server would not let the token read the repository. Git itself says "could not read
 * Username", as if it wanted a prompt, which would send whoever reads the check run the wrong way.
 */
export class FetchAuthError extends Error {
  constructor(
    readonly origin: string,
    readonly detail: string,
  ) {
    super(
      `${origin} refused the installation token (revoked, expired or without access to the repository): ${detail}`,
    );
    this.name = "FetchAuthError";
  }
}
