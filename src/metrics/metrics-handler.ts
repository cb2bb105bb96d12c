import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";

export const metricsPath = "/metrics";

/**
 * Answers GET /metrics in Prometheus text and leaves every other request to the next handler,
 * as Probot's `addHandler` expects; a plain `http.createServer` can use it too.
 */
export function metricsHandler(registry: Registry) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = (request.url ?? "").split("?")[0];
    if (path !== metricsPath || request.method !== "GET") return false;
    const body = await registry.metrics();
    response.writeHead(200, { "content-type": registry.contentType }).end(body);
    return true;
  };
}
