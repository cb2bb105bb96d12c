import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import { metricsHandler } from "./metrics-handler.js";

/** A worker has no webhook server, so it answers /metrics on a port of its own. */
export async function serveMetrics(
  registry: Registry,
  port: number,
  host: string,
  token?: string,
): Promise<{ readonly server: Server; readonly port: number }> {
  const handle = metricsHandler(registry, token);
  const server = createServer((request, response) => {
    void handle(request, response).then(
      (handled) => handled || response.writeHead(404).end(),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return { server, port: (server.address() as AddressInfo).port };
}
