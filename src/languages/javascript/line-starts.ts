/*
 * Lines as TypeScript counts them (`\n`, `\r\n`, `\r`, U+2028 and U+2029 end one), so that both scan
 * paths give an import the line TypeScript's parser would.
 */

export function lineStarts(source: string): number[] {
  const starts = [0];
  if (!/[\r\u2028\u2029]/.test(source)) {
    // The common case, found by the engine's own search rather than a loop over characters.
    for (let index = source.indexOf("\n"); index >= 0; index = source.indexOf("\n", index + 1))
      starts.push(index + 1);
    return starts;
  }
  for (let index = 0; index < source.length; index++) {
    const char = source.charCodeAt(index);
    if (char === 13 && source.charCodeAt(index + 1) === 10) index++;
    if (char === 10 || char === 13 || char === 0x2028 || char === 0x2029) starts.push(index + 1);
  }
  return starts;
}

/** The 1-based line holding `position`, by binary search over the line starts. */
export function lineAt(starts: readonly number[], position: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= position) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
