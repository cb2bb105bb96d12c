import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { Probot } from "probot";
import { createArchdriftApp, type ArchdriftApp } from "../../src/github/archdrift-app.js";
import { createArchdriftOctokit } from "../../src/github/archdrift-octokit.js";
import { createInstallationThrottle } from "../../src/github/installation-throttle.js";
import { startWebhookServer } from "../../src/github/webhook-server.js";
import { signedDelivery } from "../support/github/webhooks.js";

const secret = "load-secret";
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();

export interface LoadAppOptions {
  readonly apiUrl: string;
  /** GitHub's one write a second, scaled down for test speed (the fake enforces the same). */
  readonly writeIntervalMs: number;
  readonly redis?: { readonly url: string; readonly prefix: string };
  /** In-process queue: where a shutdown records what it left. */
  readonly pendingFile?: string;
}

export interface LoadApp {
  readonly url: string;
  readonly app: ArchdriftApp;
  /** As SIGTERM does: stop taking webhooks, then the grace period. */
  stop(graceMs: number): Promise<void>;
}

/** The app as `npm start` builds it, against a fake GitHub, with a scaled write interval. */
export async function startLoadApp(options: LoadAppOptions): Promise<LoadApp> {
  const mirrorsDir = await mkdtemp(join(tmpdir(), "archdrift-load-"));
  const log = pino({ level: "silent" });
  const throttle = createInstallationThrottle({
    writeIntervalMs: options.writeIntervalMs,
    ...(options.redis ? { redis: options.redis } : {}),
  });
  const app = createArchdriftApp({
    mirrorsDir,
    concurrency: 2,
    ...(options.redis ? { redis: options.redis } : {}),
    ...(options.pendingFile ? { pendingFile: options.pendingFile } : {}),
  });
  await app.start(
    new Probot({
      appId: 1,
      privateKey: pem,
      secret,
      log,
      baseUrl: options.apiUrl,
      Octokit: createArchdriftOctokit({ requestTimeoutMs: 10_000, throttle }),
    }),
  );
  const server = await startWebhookServer({
    app,
    secret,
    path: "/api/github/webhooks",
    host: "127.0.0.1",
    port: 0,
    log,
  });
  return {
    url: server.url,
    app,
    stop: async (graceMs) => {
      await server.stop(100);
      await app.close(graceMs);
      await throttle.close();
      await rm(mirrorsDir, { recursive: true, force: true });
    },
  };
}

/** A head SHA of its own for each installation and pull request. */
export function headShaOf(installation: number, pull: number): string {
  return `${installation.toString(16).padStart(8, "0")}${pull.toString(16).padStart(32, "0")}`;
}

export interface PullDelivery {
  readonly installation: number;
  readonly pull: number;
  readonly deliveryId?: string;
}

/** `pull_request.opened` as GitHub signs it, for installation `installation`'s repository. */
export function pullDelivery({ installation, pull, deliveryId }: PullDelivery) {
  return signedDelivery({
    event: "pull_request",
    secret,
    ...(deliveryId ? { id: deliveryId } : {}),
    payload: {
      action: "opened",
      installation: { id: installation },
      repository: {
        name: "shop",
        clone_url: "http://127.0.0.1:1/unused.git",
        owner: { login: `org-${installation}` },
      },
      pull_request: {
        number: pull,
        head: { sha: headShaOf(installation, pull) },
        base: { sha: "b".repeat(40) },
      },
    },
  });
}

export interface Answer {
  readonly status: number;
  readonly body: string;
  /** performance.now() when the answer arrived. */
  readonly at: number;
  readonly ms: number;
}

/** Posts deliveries `concurrency` at a time on keep-alive sockets, in order; answers in order. */
export async function postAll(
  url: string,
  deliveries: readonly ReturnType<typeof pullDelivery>[],
  concurrency = 50,
): Promise<Answer[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const answers: Answer[] = [];
  try {
    for (let next = 0; next < deliveries.length; next += concurrency) {
      const batch = deliveries.slice(next, next + concurrency);
      answers.push(...(await Promise.all(batch.map((delivery) => post(url, delivery, agent)))));
    }
  } finally {
    agent.destroy();
  }
  return answers;
}

function post(url: string, delivery: ReturnType<typeof pullDelivery>, agent: Agent) {
  return new Promise<Answer>((resolve, reject) => {
    const started = performance.now();
    const sent = request(url, { method: "POST", agent, headers: delivery.headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => {
        const at = performance.now();
        resolve({ status: response.statusCode ?? 0, body, at, ms: at - started });
      });
    });
    sent.on("error", reject);
    sent.end(delivery.body);
  });
}

/** Polls `done` every 20 ms until it holds or `timeoutMs` passed; says which. */
export async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}
