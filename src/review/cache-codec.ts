import { promisify } from "node:util";
import { constants, gunzip, gunzipSync, gzip, gzipSync } from "node:zlib";

const zip = promisify(gzip);
const unzip = promisify(gunzip);

/** Below this, the thread-pool round trip of async zlib costs more than compressing in place. */
const inlineBytes = 64 * 1024;

/**
 * Every entry starts with this line, then its own name on a line: an entry read under any other
 * name (copied, renamed, or swapped between keys in a shared store) is a miss, never another
 * commit's graph.
 */
const magic = "archdrift-cache 2\n";

/**
 * Gzip'd JSON under a header naming the entry. Level 1: packs of large commits are written on a
 * cold review, whose time the user waits for, and level 6 buys a few percent for several times the
 * work (graphs and scans repeat module names, so even level 1 is about tenfold).
 */
export async function encodeEntry(name: string, value: unknown): Promise<Buffer> {
  const json = Buffer.from(JSON.stringify(value));
  const options = { level: constants.Z_BEST_SPEED };
  const body = json.length < inlineBytes ? gzipSync(json, options) : await zip(json, options);
  return Buffer.concat([Buffer.from(`${magic}${name}\n`), body]);
}

/** The value stored under exactly `name` when it passes `isValid`; anything else is a miss. */
export async function decodeEntry<T>(
  name: string,
  bytes: Buffer | undefined,
  isValid: (value: unknown) => value is T,
): Promise<T | undefined> {
  if (bytes === undefined) return undefined;
  const header = Buffer.from(`${magic}${name}\n`);
  if (bytes.length < header.length || !bytes.subarray(0, header.length).equals(header))
    return undefined;
  try {
    const body = bytes.subarray(header.length);
    const json = body.length < inlineBytes / 8 ? gunzipSync(body) : await unzip(body);
    const value: unknown = JSON.parse(json.toString("utf8"));
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
