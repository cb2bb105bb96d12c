import type { ConfigError } from "./policy.js";

/** `file:line: message`, the form editors and CI logs turn into links. */
export function formatConfigError(error: ConfigError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}
