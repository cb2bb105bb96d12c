import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { startGitHubApiStub } from "./github-api-stub.js";

export interface AckOptions {
  readonly concurrency: number;
  readonly rounds: number;
  /** Every delivery from its own installation, or all from one (one throttle for all writes). */
  readonly installations: "distinct" | "one";
  /** No new round starts after this long: a slow server must not stretch the bench to hours. */
  readonly budgetMs: number;
}

export interface AckLatencies {
  readonly deliveries: number;
  readonly failures: number;
  /** Responses by HTTP status, e.g. `{ "200": 998, "500": 2 }`. */
  readonly statuses: Record<string, number>;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

const secret = "bench-webhook-secret";

/**
 * Webhook acknowledgement as GitHub sees it: the real Probot server with archdrift's app, in a
 * process of its own (webhook-server-child), takes signed `pull_request.opened` deliveries
 * `concurrency` at a time, on loopback only. GitHub's API is a local stub in this process; the
 * queued jobs find the pull request not open and finish without cloning. The server is killed at
 * the end, with whatever it still had queued.
 */
export async function webhookAckLatencies(options: AckOptions): Promise<AckLatencies> {
  const stub = await startGitHubApiStub();
  const server = await startServerProcess(stub.url);
  const webhookUrl = server.url;
  const template = pullRequestPayload(`${stub.url}/acme/shop.git`);
  const latencies: number[] = [];
  let failures = 0;
  const statuses: Record<string, number> = {};
  let pull = 0;
  try {
    const deadline = performance.now() + options.budgetMs;
    for (let round = 0; round < options.rounds && performance.now() < deadline; round++) {
      const batch = Array.from({ length: options.concurrency }, () => {
        pull++;
        const installation = options.installations === "one" ? 1 : 1000 + pull;
        return signed(withPull(template, pull, installation));
      });
      const results = await Promise.all(batch.map((delivery) => post(webhookUrl, delivery)));
      for (const result of results) {
        latencies.push(result.ms);
        if (result.status !== 200) failures++;
        statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      }
    }
  } finally {
    server.child.kill("SIGKILL");
    await stub.close();
  }
  latencies.sort((a, b) => a - b);
  const at = (quantile: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(quantile * latencies.length) - 1)] ?? NaN;
  return {
    deliveries: latencies.length,
    failures,
    statuses,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: latencies.at(-1) ?? NaN,
  };
}

/** The server in a process of its own; resolves once it printed its webhook URL. */
async function startServerProcess(apiUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL("./webhook-server-child.js", import.meta.url));
  const child = spawn(process.execPath, [script, apiUrl, secret], {
    env: { ...process.env, LOG_LEVEL: "fatal" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((candidate) => candidate.startsWith("http"));
      if (line) resolve(line.trim());
    });
    child.once("exit", (code) => reject(new Error(`webhook server exited with ${String(code)}`)));
  });
  return { url, child };
}

interface Delivery {
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** Headers and body as GitHub sends them; the signature covers these exact bytes. */
function signed(payload: unknown): Delivery {
  const body = JSON.stringify(payload);
  const signature = createHmac("sha256", secret).update(body).digest("hex");
  return {
    body,
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/archdrift-bench",
      "x-github-event": "pull_request",
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": `sha256=${signature}`,
    },
  };
}

async function post(url: string, delivery: Delivery): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: delivery.headers,
    body: delivery.body,
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

type Json = Record<string, unknown>;

/** GitHub's own example delivery, so the body has a real delivery's size (about 25 KB). */
function pullRequestPayload(cloneUrl: string): Json {
  const require = createRequire(import.meta.url);
  const file = require.resolve("@octokit/webhooks-examples/api.github.com/index.json");
  const events = JSON.parse(readFileSync(file, "utf8")) as { name: string; examples: Json[] }[];
  const example = events
    .find((event) => event.name === "pull_request")
    ?.examples.find((candidate) => candidate["action"] === "opened");
  if (!example) throw new Error("@octokit/webhooks-examples has no pull_request.opened example");
  const repository = example["repository"] as Json;
  return {
    ...example,
    repository: {
      ...repository,
      name: "shop",
      full_name: "acme/shop",
      owner: { ...(repository["owner"] as Json), login: "acme" },
      clone_url: cloneUrl,
    },
  };
}

function withPull(template: Json, number: number, installation: number): Json {
  const pullRequest = template["pull_request"] as Json;
  const sha = (seed: number) => seed.toString(16).padStart(40, "0");
  return {
    ...template,
    action: "opened",
    installation: { id: installation, node_id: "MDIz" },
    pull_request: {
      ...pullRequest,
      number,
      head: { ...(pullRequest["head"] as Json), sha: sha(2 * number + 1) },
      base: { ...(pullRequest["base"] as Json), sha: sha(2 * number) },
    },
  };
}
