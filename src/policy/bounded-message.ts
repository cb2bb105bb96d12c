/** Characters of one config error worth showing: a check run's whole summary holds 65,535. */
export const maxConfigMessageLength = 300;

/**
 * A config error's message cut to a length a check run and a terminal can show. The YAML parser
 * quotes the offending token in full, and in a hostile config that token can be megabytes long;
 * twenty such errors would overflow the check run, which then never completes.
 * Cuts between code points, so no half of a surrogate pair is left behind.
 */
export function boundedMessage(message: string, max = maxConfigMessageLength): string {
  const characters = Array.from(message);
  if (characters.length <= max) return message;
  return `${characters.slice(0, max - 1).join("")}…`;
}
