/** Blanks every secret out of a text, longest first so a secret inside another leaves no tail. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return [...secrets]
    .filter((secret) => secret.length > 0)
    .sort((a, b) => b.length - a.length)
    .reduce((scrubbed, secret) => scrubbed.split(secret).join("***"), text);
}

/**
 * The error itself when it carries no secret, else a plain copy without one. A copy rather than an
 * edit: some errors (DOMException) have read-only messages, and the cause chain may hold more.
 */
export function scrubError(error: unknown, secrets: readonly string[]): unknown {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error);
  if (scrubSecrets(text, secrets) === text) return error;
  const message = error instanceof Error ? error.message : String(error);
  const clean = new Error(scrubSecrets(message, secrets));
  if (error instanceof Error) clean.name = error.name;
  return clean;
}
