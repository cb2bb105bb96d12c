import { promisify } from "node:util";
import { gunzip, gunzipSync, gzip, gzipSync } from "node:zlib";

const zip = promisify(gzip);
const unzip = promisify(gunzip);

/** Below this, the thread-pool round trip of async zlib costs more than compressing in place. */
const inlineBytes = 64 * 1024;

/** Gzip'd JSON: graphs compress about tenfold, since module ids repeat in every edge. */
export async function encodeCached(value: unknown): Promise<Buffer> {
  const json = Buffer.from(JSON.stringify(value));
  return json.length < inlineBytes ? gzipSync(json) : zip(json);
}

/** The decoded value when it passes `isValid`; anything unreadable is a miss. */
export async function decodeCached<T>(
  bytes: Buffer | undefined,
  isValid: (value: unknown) => value is T,
): Promise<T | undefined> {
  if (bytes === undefined) return undefined;
  try {
    const json = bytes.length < inlineBytes / 8 ? gunzipSync(bytes) : await unzip(bytes);
    const value: unknown = JSON.parse(json.toString("utf8"));
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
