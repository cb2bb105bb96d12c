import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";

export const metricsPath = "/metrics";

/**
 * Answers GET /metrics in Prometheus text and leaves every other request to the next handler,
 * as Probot's `addHandler` expects; a plain `http.createServer` can use it too. The webhook
 * server's port faces the internet, so with a `token` only `Authorization: Bearer <token>` is
 * answered (Prometheus's `authorization` setting sends it).
 */
export function metricsHandler(registry: Registry, token?: string) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = (request.url ?? "").split("?")[0];
    if (path !== metricsPath || request.method !== "GET") return false;
    if (token !== undefined && !bearerMatches(request.headers.authorization, token)) {
      response.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"' }).end();
      return true;
    }
    const body = await registry.metrics();
    response.writeHead(200, { "content-type": registry.contentType }).end(body);
    return true;
  };
}

/** Compared as digests, in constant time: neither the length nor a prefix of the token leaks. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!match) return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}
