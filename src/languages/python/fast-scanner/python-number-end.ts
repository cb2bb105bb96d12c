// Python 3 numbers; anything else (`0777`, `10L`, `1if x`) is for the parser to judge.
const numberPattern =
  /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?)$/;

/**
 * The offset past the number literal starting at `at`, or -1 when what is written there is not a
 * Python 3 number. Reads on through letters and dots, then checks the whole: `1.e5`, `0x_1F`, `2j`.
 */
export function numberEnd(text: string, at: number): number {
  const hex = text.charCodeAt(at) === 48 && (text.charCodeAt(at + 1) | 32) === 120;
  let i = at + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    const sign = (c === 43 || c === 45) && !hex && (text.charCodeAt(i - 1) | 32) === 101;
    if (isAsciiNamePart(c) || c === 46 || sign) i++;
    else break;
  }
  return numberPattern.test(text.slice(at, i)) ? i : -1;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

export function isAsciiNamePart(c: number): boolean {
  return isAsciiNameStart(c) || isDigit(c);
}
