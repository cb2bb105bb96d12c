/**
 * What JSON.stringify leaves raw that would drive a terminal or reorder the text around it: DEL and
 * C1 controls, bidi controls, line and paragraph separators, invisible characters (C0 controls it
 * escapes itself).
 */
const rawButHidden = /[\u007f-\u009f\p{Bidi_Control}\u2028\u2029\u200b\u2060\ufeff]/gu;

/**
 * A JSON document as archdrift prints it, often to a terminal: those characters are written as
 * `\u` escapes, which parse back to the very same strings, so the data is unchanged.
 */
export function jsonText(value: unknown): string {
  const json = JSON.stringify(value, null, 2).replace(
    rawButHidden,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `${json}\n`;
}
