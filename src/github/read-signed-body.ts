import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { WebhookLimits } from "./webhook-limits.js";

/** Why a delivery was refused, as its HTTP status and a short reason fit for a log line. */
export interface Refusal {
  readonly status: 400 | 401 | 408 | 413 | 415;
  readonly reason: string;
}

const signaturePattern = /^sha256=([0-9a-f]{64})$/;

/**
 * The body of a delivery, read only as far as the limits allow: a declared length over the cap
 * is refused before a byte is read, a body that grows past it or arrives too slowly is cut off.
 * The HMAC is computed over the raw bytes before anything parses them.
 */
export async function readSignedBody(
  request: IncomingMessage,
  secret: string,
  limits: Pick<WebhookLimits, "maxBodyBytes" | "bodyTimeoutMs">,
): Promise<Buffer | Refusal> {
  const signature = signaturePattern.exec(String(request.headers["x-hub-signature-256"] ?? ""));
  if (!signature) return { status: 401, reason: "no sha256 signature" };
  const type = String(request.headers["content-type"] ?? "")
    .split(";")[0]
    ?.trim();
  if (type !== "application/json") return { status: 415, reason: "not application/json" };
  const declared = Number(request.headers["content-length"] ?? Number.NaN);
  if (declared > limits.maxBodyBytes) return { status: 413, reason: "body over 25 MB" };
  const body = await readBody(request, limits);
  if (!Buffer.isBuffer(body)) return body;
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(signature[1]!, "hex");
  return timingSafeEqual(expected, given) ? body : { status: 401, reason: "signature mismatch" };
}

function readBody(
  request: IncomingMessage,
  limits: Pick<WebhookLimits, "maxBodyBytes" | "bodyTimeoutMs">,
): Promise<Buffer | Refusal> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | Refusal) => {
      clearTimeout(timer);
      request.removeAllListeners("data");
      if (!Buffer.isBuffer(result)) request.pause();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ status: 408, reason: "body not received in time" }),
      limits.bodyTimeoutMs,
    );
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) return finish({ status: 413, reason: "body over 25 MB" });
      chunks.push(chunk);
    });
    request.once("end", () => finish(Buffer.concat(chunks)));
    request.once("error", () => finish({ status: 400, reason: "connection broke" }));
    request.once("aborted", () => finish({ status: 400, reason: "connection broke" }));
  });
}
