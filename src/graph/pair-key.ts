/** One string per (from, to) module pair: changes, arrows and domain links are judged by pair. */
export function pairKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

export function splitPairKey(key: string): [string, string] {
  const [from = "", to = ""] = key.split("\u0000");
  return [from, to];
}
