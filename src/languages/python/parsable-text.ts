/**
 * The grammar's scanner takes a NUL character for the end of input, which would silently drop the
 * rest of the file. A space has the same length, so every position stays valid.
 */
export function parsableText(text: string): string {
  return text.includes("\0") ? text.replaceAll("\0", " ") : text;
}
