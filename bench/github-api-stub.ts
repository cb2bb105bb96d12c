import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface GitHubApiStub {
  /** `http://127.0.0.1:<port>`: Probot's `baseUrl`, and a `clone_url` that fails at once. */
  readonly url: string;
  /** Requests answered so far, by "METHOD /path" with numbers blanked. */
  readonly requests: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Just enough of GitHub's REST API for the app to acknowledge webhooks: installation tokens and
 * check-run ids. Everything else is 200 `{}`, so a queued job reads its pull request as not open
 * and completes its check run without fetching anything: the measured thing is the webhook path.
 */
export async function startGitHubApiStub(): Promise<GitHubApiStub> {
  let checkRunId = 0;
  const requests = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0]!;
    const key = `${request.method} ${path.replace(/\/\d+(?=\/|$)/g, "/:n")}`;
    requests.set(key, (requests.get(key) ?? 0) + 1);
    request.resume();
    request.on("end", () => {
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (request.method === "POST" && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
        reply(201, {
          token: "ghs_bench_token_0123456789abcdefghijklmnopqrstu",
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          permissions: { checks: "write", pull_requests: "write", contents: "read" },
          repository_selection: "all",
        });
      } else if (request.method === "POST" && /\/check-runs$/.test(path)) {
        reply(201, { id: ++checkRunId });
      } else {
        reply(200, {});
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
