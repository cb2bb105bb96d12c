import { createHmac } from "node:crypto";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { Delivery, Receipt } from "../../src/github/archdrift-app.js";
import { workOf } from "../../src/github/webhook-event.js";
import type { WebhookLimits } from "../../src/github/webhook-limits.js";
import { startWebhookServer, type WebhookServer } from "../../src/github/webhook-server.js";
import { examplePayload, signedDelivery } from "../support/github/webhooks.js";

const secret = "webhook-secret";
const servers: WebhookServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop(100);
});

/** The real server in front of the real payload reading, with an app that records what it got. */
async function start(limits: Partial<WebhookLimits> = {}) {
  const received: Delivery[] = [];
  const log = { bytes: 0, lines: [] as Record<string, unknown>[] };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log.bytes += chunk.length;
      if (log.lines.length < 100)
        for (const line of chunk.toString().split("\n").filter(Boolean))
          log.lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = {
    receive: async (delivery: Delivery): Promise<Receipt> => {
      received.push(delivery);
      const work = workOf(delivery.event, delivery.payload);
      return work.kind === "ignored" ? { queued: 0, ignored: work.why } : { queued: 1 };
    },
  };
  const server = await startWebhookServer({
    app,
    secret,
    path: "/api/github/webhooks",
    host: "127.0.0.1",
    port: 0,
    log: pino({ level: "info" }, sink),
    limits,
  });
  servers.push(server);
  return { server, received, log };
}

function post(url: string, headers: Record<string, string>, body: string | Buffer) {
  return fetch(url, { method: "POST", headers, body }).then(async (response) => ({
    status: response.status,
    text: await response.text(),
  }));
}

function signed(event: string, payload: unknown, id = "delivery-1") {
  return signedDelivery({ event, payload, secret, id });
}

/** A wrongly signed delivery's request line and headers, the body left to the caller. */
function requestHead(deliveryId: string, bodyHeader: string): string {
  return [
    "POST /api/github/webhooks HTTP/1.1",
    "host: 127.0.0.1",
    "content-type: application/json",
    "x-github-event: pull_request",
    `x-github-delivery: ${deliveryId}`,
    `x-hub-signature-256: sha256=${"a".repeat(64)}`,
    bodyHeader,
    "",
    "",
  ].join("\r\n");
}

/** Writes raw bytes on a socket and resolves with what came back once the server closed it. */
function raw(port: number, text: string, keepSending?: () => string) {
  return new Promise<{ reply: string; sentAfter: number }>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let reply = "";
    let sentAfter = 0;
    const more = keepSending
      ? setInterval(() => {
          if (socket.writable) sentAfter += socket.write(keepSending()) ? 1 : 0;
        }, 20)
      : undefined;
    socket.on("data", (data) => (reply += data.toString()));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearInterval(more);
      resolve({ reply, sentAfter });
    });
    socket.write(text);
  });
}

describe("the webhook endpoint refuses unauthenticated input cheaply", () => {
  it("answers a wrong signature 401, logs it once at warn without the payload, acts on nothing", async () => {
    const { server, received, log } = await start();
    const delivery = signed("pull_request", { action: "opened", secret_marker: "payload-text" });
    const answer = await post(
      server.url,
      { ...delivery.headers, "x-hub-signature-256": `sha256=${"0".repeat(64)}` },
      delivery.body,
    );
    expect(answer.status).toBe(401);
    expect(received).toHaveLength(0);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatchObject({
      level: 40,
      msg: "webhook delivery refused",
      deliveryId: "delivery-1",
      event: "pull_request",
      reason: "signature mismatch",
    });
    expect(JSON.stringify(log.lines)).not.toContain("payload-text");
  });

  it("refuses a declared 100 MB body with 413 before reading it", async () => {
    const { server, received } = await start();
    const head = requestHead("big-1", `content-length: ${100 * 1024 * 1024}`);
    // The client keeps sending 1 KB pieces; the answer comes while almost all 100 MB are unsent.
    const { reply, sentAfter } = await raw(server.port, head, () => "x".repeat(1024));
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(sentAfter).toBeLessThan(10_000);
    expect(received).toHaveLength(0);
  });

  it("cuts off a body that grows past the cap without a declared length (chunked)", async () => {
    const { server, received } = await start({ maxBodyBytes: 4096 });
    const head = requestHead("chunked-1", "transfer-encoding: chunked");
    const chunk = `400\r\n${"x".repeat(1024)}\r\n`;
    const { reply } = await raw(server.port, head, () => chunk);
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(received).toHaveLength(0);
  });

  it("answers a body sent too slowly 408 and closes the socket", async () => {
    const { server, received } = await start({ bodyTimeoutMs: 500 });
    const head = requestHead("slow-1", "content-length: 100000");
    const { reply } = await raw(server.port, head, () => "x");
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(received).toHaveLength(0);
  });

  it("closes a connection whose headers never finish", async () => {
    const { server } = await start({ headersTimeoutMs: 1_000 });
    const { reply } = await raw(
      server.port,
      "POST /api/github/webhooks HTTP/1.1\r\n",
      () => "x-a: b\r\n",
    );
    expect(reply).toMatch(/^(HTTP\/1\.1 408 |$)/);
  }, 20_000);

  it("writes under 1 KB of log per wrongly signed delivery in a flood, and keeps its memory", async () => {
    const { server, received, log } = await start();
    const body = JSON.stringify({ action: "opened", filler: "x".repeat(2000) });
    const headers = {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-hub-signature-256": `sha256=${createHmac("sha256", "wrong").update(body).digest("hex")}`,
    };
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    const send = (id: number) =>
      new Promise<number>((resolve, reject) => {
        const sent = request(
          server.url,
          { method: "POST", agent, headers: { ...headers, "x-github-delivery": `flood-${id}` } },
          (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode ?? 0));
          },
        );
        sent.on("error", reject);
        sent.end(body);
      });
    const deliveries = 10_000;
    global.gc?.();
    const before = process.memoryUsage().rss;
    const statuses = new Map<number, number>();
    for (let next = 0; next < deliveries;) {
      const batch = Array.from({ length: Math.min(50, deliveries - next) }, () => send(next++));
      for (const status of await Promise.all(batch))
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    agent.destroy();
    global.gc?.();
    const grown = process.memoryUsage().rss - before;
    expect([...statuses]).toEqual([[401, deliveries]]);
    expect(received).toHaveLength(0);
    expect(log.bytes / deliveries).toBeLessThan(1024);
    expect(grown).toBeLessThan(50 * 1024 * 1024);
  }, 120_000);
});

describe("signed deliveries archdrift cannot act on", () => {
  it("answers 400 naming what is missing, never 500", async () => {
    const { server } = await start();
    const nullBody = signed("pull_request", null);
    expect((await post(server.url, nullBody.headers, nullBody.body)).status).toBe(200);
    const opened = examplePayload("pull_request", "opened");
    delete opened["installation"];
    const noInstallation = signed("pull_request", opened);
    const answer = await post(server.url, noInstallation.headers, noInstallation.body);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("installation");
    const notJson = { ...nullBody.headers };
    notJson["x-hub-signature-256"] =
      `sha256=${createHmac("sha256", secret).update("{").digest("hex")}`;
    expect((await post(server.url, notJson, "{")).status).toBe(400);
  });

  it("ignores events it does not review with 200, whatever their payload", async () => {
    const { server } = await start();
    const push = signed("push", null);
    const answer = await post(server.url, push.headers, push.body);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("ignored");
  });

  it("answers a delivery without its GitHub headers 400", async () => {
    const { server } = await start();
    const delivery = signed("pull_request", {});
    const headers: Record<string, string> = { ...delivery.headers };
    delete headers["x-github-delivery"];
    expect((await post(server.url, headers, delivery.body)).status).toBe(400);
  });
});
