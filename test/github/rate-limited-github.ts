import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedWrite {
  readonly installation: number;
  readonly method: string;
  readonly path: string;
  readonly at: number;
  /** The check run's head SHA, on creations. */
  readonly headSha?: string;
}

/**
 * GitHub's REST API as far as a review of a closed pull request goes, on 127.0.0.1, holding every
 * installation to one write per `writeIntervalMs` and no concurrent writes, as GitHub asks: a
 * write that comes sooner is answered 403 "secondary rate limit" and counted as a violation.
 * Pull requests read as closed, so jobs finish without cloning.
 */
export class RateLimitedGitHub {
  readonly writes: RecordedWrite[] = [];
  violations = 0;
  readonly violationDetails: { installation: number; gapMs: number; inFlight: boolean }[] = [];
  private readonly lastWrite = new Map<number, number>();
  private readonly inFlight = new Set<number>();
  private nextId = 1;
  private readonly runs = new Map<
    number,
    { id: number; head_sha: string; external_id: string; status: string }
  >();

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    private readonly writeIntervalMs: number,
  ) {}

  static async start(writeIntervalMs: number): Promise<RateLimitedGitHub> {
    const server = createServer();
    const github = new RateLimitedGitHub(server, writeIntervalMs);
    server.on("request", (request, response) => void github.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return github;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Check-run creations, in the order GitHub made them. */
  creations(): RecordedWrite[] {
    return this.writes.filter(
      (write) => write.method === "POST" && write.path.endsWith("/check-runs"),
    );
  }

  /** Check runs by head SHA, with their status now. */
  runsFor(headSha: string): { id: number; status: string }[] {
    return [...this.runs.values()].filter((run) => run.head_sha === headSha);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = chunks.length
      ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>)
      : {};
    const method = request.method ?? "GET";
    const path = (request.url ?? "").split("?")[0] ?? "";
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) =>
      void response
        .writeHead(status, { "content-type": "application/json", ...headers })
        .end(JSON.stringify(data));
    const token = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
    if (token) {
      const expires = new Date(Date.now() + 3600_000).toISOString();
      return send(201, {
        token: `ghs_fake_${token[1]}_000000000000000000000000`,
        expires_at: expires,
        permissions: {},
        repository_selection: "all",
      });
    }
    const installation = Number(
      /ghs_fake_(\d+)_/.exec(String(request.headers.authorization))?.[1] ?? 0,
    );
    if (method !== "GET") {
      if (!this.admit(installation))
        return send(
          403,
          { message: "You have exceeded a secondary rate limit." },
          { "retry-after": "1" },
        );
      try {
        return this.write(installation, method, path, body, send);
      } finally {
        this.inFlight.delete(installation);
      }
    }
    const pull = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(path);
    if (pull) {
      const sha = "a".repeat(40);
      return send(200, { number: Number(pull[1]), state: "closed", head: { sha }, base: { sha } });
    }
    if (/\/commits\/[^/]+\/check-runs$/.test(path)) {
      const runs = [...this.runs.values()];
      return send(200, { total_count: runs.length, check_runs: runs });
    }
    send(404, { message: "Not Found" });
  }

  /** One write at a time per installation, each at least half the interval (jitter on loopback is not a burst) after the last. */
  private admit(installation: number): boolean {
    const now = performance.now();
    const last = this.lastWrite.get(installation);
    if (
      this.inFlight.has(installation) ||
      (last !== undefined && now - last < this.writeIntervalMs * 0.5)
    ) {
      this.violations++;
      this.violationDetails.push({
        installation,
        gapMs: last === undefined ? -1 : now - last,
        inFlight: this.inFlight.has(installation),
      });
      return false;
    }
    this.inFlight.add(installation);
    this.lastWrite.set(installation, now);
    return true;
  }

  private write(
    installation: number,
    method: string,
    path: string,
    body: Record<string, unknown>,
    send: (status: number, data: unknown) => void,
  ): void {
    const headSha = typeof body["head_sha"] === "string" ? body["head_sha"] : undefined;
    this.writes.push({
      installation,
      method,
      path,
      at: performance.now(),
      ...(headSha ? { headSha } : {}),
    });
    if (method === "POST" && path.endsWith("/check-runs")) {
      const run = {
        id: this.nextId++,
        head_sha: headSha ?? "",
        external_id: String(body["external_id"] ?? ""),
        status: String(body["status"] ?? "queued"),
      };
      this.runs.set(run.id, run);
      return send(201, run);
    }
    const id = Number(/\/check-runs\/(\d+)$/.exec(path)?.[1] ?? 0);
    const run = this.runs.get(id);
    if (run && typeof body["status"] === "string") run.status = body["status"];
    if (run && body["conclusion"] !== undefined) run.status = "completed";
    send(200, { id });
  }
}
