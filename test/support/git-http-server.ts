import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export { createServedRepo, pruneUnreachable, pushRefs, type ServedRepo } from "./served-repo.js";

export interface GitHttpRequest {
  readonly method: string;
  /** The path without the query, e.g. `/owner/name.git/git-upload-pack`. */
  readonly path: string;
  readonly authorized: boolean;
}

export interface GitHttpServer {
  /** `http://127.0.0.1:<port>`; append `/<owner>/<name>.git` for a clone URL. */
  readonly url: string;
  readonly requests: GitHttpRequest[];
  /** Cuts the next `times` packs the server sends, partway through (see `PackInterruption`). */
  interruptPacks(interruption: PackInterruption): void;
  /** Packs still to be cut. */
  readonly interruptionsLeft: number;
  close(): Promise<void>;
}

/**
 * A pack that stops partway: `afterBytes` bytes past its `PACK` signature, the server either drops
 * the connection ("close") or keeps it open and sends nothing more ("stall"). Responses without a
 * pack (ref advertisements, ls-refs) pass untouched and do not count.
 */
export interface PackInterruption {
  readonly times: number;
  readonly afterBytes: number;
  readonly mode: "close" | "stall";
}

export interface GitHttpServerOptions {
  /** Holds the bare repositories as `<owner>/<name>.git`. */
  readonly root: string;
  readonly token: string;
  /** Holds every request this long before answering, to test aborts and timeouts. */
  readonly delayMs?: number;
}

/**
 * GitHub's smart-HTTP transport in miniature: real `git http-backend` behind a token check that
 * accepts what GitHub accepts from an installation token (Basic `x-access-token:<token>`).
 */
export async function startGitHttpServer(options: GitHttpServerOptions): Promise<GitHttpServer> {
  const requests: GitHttpRequest[] = [];
  const delayed = new Set<NodeJS.Timeout>();
  const cuts = { left: 0, afterBytes: 0, mode: "close" as PackInterruption["mode"] };
  const takeCut = (): PackCut | undefined => {
    if (cuts.left === 0) return undefined;
    cuts.left -= 1;
    return { afterBytes: cuts.afterBytes, mode: cuts.mode };
  };
  const expected = `x-access-token:${options.token}`;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const authorized = basicCredentials(request.headers.authorization) === expected;
    requests.push({ method: request.method ?? "GET", path: url.pathname, authorized });
    const answer = () =>
      authorized ? runBackend(options.root, url, request, response, takeCut) : refuse(response);
    if (!options.delayMs) return answer();
    const timer = setTimeout(() => {
      delayed.delete(timer);
      answer();
    }, options.delayMs);
    delayed.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    interruptPacks: ({ times, afterBytes, mode }) =>
      Object.assign(cuts, { left: times, afterBytes, mode }),
    get interruptionsLeft() {
      return cuts.left;
    },
    close: () =>
      new Promise((resolve) => {
        delayed.forEach((timer) => clearTimeout(timer));
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The decoded `user:password` of a Basic header; git sends the scheme in lower case. */
function basicCredentials(header: string | undefined): string | undefined {
  const match = /^basic\s+(\S+)$/i.exec(header ?? "");
  return match ? Buffer.from(match[1]!, "base64").toString("utf8") : undefined;
}

function refuse(response: ServerResponse): void {
  response.writeHead(401, {
    "WWW-Authenticate": 'Basic realm="git"',
    "Content-Type": "text/plain",
  });
  response.end("authentication required\n");
}

function runBackend(
  root: string,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
  takeCut: () => PackCut | undefined,
): void {
  const header = (name: string) => request.headers[name]?.toString() ?? "";
  const backend = spawn("git", ["http-backend"], {
    env: {
      PATH: process.env["PATH"],
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: "1",
      PATH_INFO: decodeURIComponent(url.pathname),
      REQUEST_METHOD: request.method ?? "GET",
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: header("content-type"),
      HTTP_CONTENT_ENCODING: header("content-encoding"),
      // Protocol v2 is negotiated through this header; without it the backend speaks v0.
      GIT_PROTOCOL: header("git-protocol"),
      REMOTE_ADDR: request.socket.remoteAddress ?? "127.0.0.1",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  backend.stdin.on("error", () => undefined);
  request.pipe(backend.stdin);
  const cgi = new CgiResponse(response, takeCut, () => backend.kill());
  backend.stdout.on("data", (chunk: Buffer) => cgi.push(chunk));
  backend.stdout.on("end", () => cgi.end());
  backend.on("error", (error) => cgi.fail(error.message));
}

interface PackCut {
  readonly afterBytes: number;
  readonly mode: PackInterruption["mode"];
}

/** Turns a CGI program's output (headers, a blank line, the body) into an HTTP response. */
class CgiResponse {
  private head: Buffer | undefined = Buffer.alloc(0);
  /** Body bytes sent so far, and where the pack began in them once seen. */
  private sent = 0;
  private packAt: number | undefined;
  private cut: PackCut | undefined;
  private stopped = false;
  private seen: Buffer = Buffer.alloc(0);

  constructor(
    private readonly response: ServerResponse,
    private readonly takeCut: () => PackCut | undefined,
    private readonly stopBackend: () => void,
  ) {}

  push(chunk: Buffer): void {
    if (this.stopped) return;
    if (this.head === undefined) {
      this.writeBody(chunk);
      return;
    }
    this.head = Buffer.concat([this.head, chunk]);
    const end = this.headerEnd(this.head);
    if (end === undefined) return;
    const body = this.head.subarray(end.body);
    this.writeHead(this.head.subarray(0, end.header).toString("latin1"));
    this.head = undefined;
    if (body.length > 0) this.writeBody(body);
  }

  end(): void {
    if (this.stopped) return;
    if (this.head !== undefined) return this.fail("the backend sent no complete headers");
    this.response.end();
  }

  fail(message: string): void {
    if (this.response.headersSent) return void this.response.destroy();
    this.response.writeHead(500, { "Content-Type": "text/plain" }).end(`${message}\n`);
  }

  /** Passes body bytes on, unless a cut is due inside them. */
  private writeBody(chunk: Buffer): void {
    this.findPack(chunk);
    const cut = this.packAt === undefined ? undefined : this.cutFor();
    const limit = cut && this.packAt !== undefined ? this.packAt + cut.afterBytes : Infinity;
    if (this.sent + chunk.length <= limit) {
      this.sent += chunk.length;
      this.response.write(chunk);
      return;
    }
    this.response.write(chunk.subarray(0, Math.max(0, limit - this.sent)));
    this.stopped = true;
    this.stopBackend();
    if (cut?.mode === "close") this.response.socket?.destroy();
  }

  private findPack(chunk: Buffer): void {
    if (this.packAt !== undefined) return;
    // The signature may straddle two chunks: search the tail of what came before as well.
    const window = Buffer.concat([this.seen.subarray(-3), chunk]);
    const at = window.indexOf("PACK");
    if (at >= 0) this.packAt = this.sent - Math.min(3, this.seen.length) + at;
    this.seen = chunk;
  }

  /** A cut is taken only by a response that carries a pack. */
  private cutFor(): PackCut {
    this.cut ??= this.takeCut() ?? { afterBytes: Number.POSITIVE_INFINITY, mode: "close" };
    return this.cut;
  }

  private headerEnd(buffer: Buffer): { header: number; body: number } | undefined {
    const crlf = buffer.indexOf("\r\n\r\n");
    if (crlf >= 0) return { header: crlf, body: crlf + 4 };
    const lf = buffer.indexOf("\n\n");
    return lf >= 0 ? { header: lf, body: lf + 2 } : undefined;
  }

  private writeHead(text: string): void {
    let status = 200;
    for (const line of text.split(/\r?\n/)) {
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === "status") status = Number.parseInt(value, 10) || 500;
      else this.response.setHeader(name, value);
    }
    this.response.writeHead(status);
  }
}
