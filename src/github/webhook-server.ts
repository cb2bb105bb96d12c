import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { ArchdriftApp } from "./archdrift-app.js";
import { readSignedBody, type Refusal } from "./read-signed-body.js";
import { MalformedEvent } from "./webhook-event.js";
import { defaultWebhookLimits, type WebhookLimits } from "./webhook-limits.js";

export interface WebhookServerOptions {
  readonly app: Pick<ArchdriftApp, "receive">;
  readonly secret: string;
  /** WEBHOOK_PATH; Probot's default is `/api/github/webhooks`. */
  readonly path: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly log: Logger;
  readonly limits?: Partial<WebhookLimits>;
}

export interface WebhookServer {
  readonly port: number;
  readonly url: string;
  /** Stops taking connections; requests under way get `graceMs` before their sockets close. */
  stop(graceMs?: number): Promise<void>;
}

/** Header values from unauthenticated callers go to logs cut short. */
const logged = (value: string | string[] | undefined) => String(value ?? "").slice(0, 64);

/**
 * The webhook endpoint, in front of Probot: nothing is parsed before the signature matched, an
 * oversized body is refused unread, slow senders are cut off, and each refusal is one warn line
 * with the delivery id, event and reason, never the payload. `GET /ping` answers for health checks.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const limits = { ...defaultWebhookLimits, ...options.limits };
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.bodyTimeoutMs + limits.headersTimeoutMs,
      // Node checks both timeouts only this often (30 s by default).
      connectionsCheckingInterval: 1_000,
      keepAliveTimeout: 5_000,
    },
    (request, response) => void route(request, response, options, limits),
  );
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    port,
    url: `http://${host}:${port}${options.path}`,
    stop: (grace) => stop(server, grace),
  };
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  options: WebhookServerOptions,
  limits: WebhookLimits,
): Promise<void> {
  const path = (request.url ?? "").split("?")[0];
  if (path === "/ping" && request.method === "GET") return answer(response, 200, "PONG");
  if (path !== options.path) return answer(response, 404, "not found");
  if (request.method !== "POST") return answer(response, 405, "POST deliveries here");
  const delivery = {
    id: logged(request.headers["x-github-delivery"]),
    event: logged(request.headers["x-github-event"]),
  };
  const refuse = (refusal: Refusal) => {
    options.log.warn(
      {
        deliveryId: delivery.id,
        event: delivery.event,
        status: refusal.status,
        reason: refusal.reason,
      },
      "webhook delivery refused",
    );
    answer(response, refusal.status, refusal.reason, true);
  };
  if (!delivery.id || !delivery.event)
    return refuse({ status: 400, reason: "no delivery id or event" });
  const body = await readSignedBody(request, options.secret, limits);
  if (!Buffer.isBuffer(body)) return refuse(body);
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString("utf8"));
  } catch {
    return refuse({ status: 400, reason: "payload is not JSON" });
  }
  try {
    const receipt = await options.app.receive({ ...delivery, payload });
    answer(
      response,
      200,
      receipt.ignored
        ? `ignored: ${receipt.ignored}`
        : `queued ${receipt.queued}, joined ${receipt.joined ?? 0}`,
    );
  } catch (error) {
    if (error instanceof MalformedEvent)
      return refuse({ status: 400, reason: error.message.slice(0, 200) });
    options.log.error(
      {
        deliveryId: delivery.id,
        event: delivery.event,
        err: error instanceof Error ? error.message : String(error),
      },
      "webhook delivery not queued",
    );
    // GitHub shows the status and the delivery can be redelivered; internals stay in the log.
    answer(response, 503, "the review could not be queued; redeliver later");
  }
}

function answer(response: ServerResponse, status: number, text: string, close = false): void {
  const headers: Record<string, string> = { "content-type": "text/plain; charset=utf-8" };
  // A refused body may still be arriving: closing the socket is what stops reading it.
  if (close) headers["connection"] = "close";
  response.writeHead(status, headers).end(`${text}\n`);
}

async function stop(server: Server, graceMs = 1_000): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(timer);
}
