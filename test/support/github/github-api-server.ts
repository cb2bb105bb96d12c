import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { GitHubApiMock, HttpMethod } from "./github-api-mock.js";

export interface GitHubApiServer {
  /** `http://127.0.0.1:<port>`: what a child process gets as GITHUB_API_URL. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The mock on a real socket, for code that runs in another process (the Action's bundle, started
 * as the runner starts it): every request is validated against GitHub's OpenAPI description and
 * answered by the same handlers as in-process requests.
 */
export async function serveGitHubApi(mock: GitHubApiMock): Promise<GitHubApiServer> {
  const server = createServer((request, response) => {
    void (async () => {
      const body = await bodyOf(request);
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const method = (request.method ?? "GET") as HttpMethod;
      const [status, reply, headers] = await mock.respond(
        method,
        url,
        body,
        request.headers as Record<string, string>,
      );
      response.writeHead(status, headers).end(reply);
    })().catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
