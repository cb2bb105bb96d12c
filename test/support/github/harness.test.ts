import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Octokit } from "@octokit/rest";
import { verify } from "@octokit/webhooks-methods";
import { Probot, createNodeMiddleware } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { mockGitHubApi, type GitHubApiMock } from "./github-api-mock.js";
import { matchOperation, validateRequest } from "./openapi-validator.js";
import { deliver, examplePayload, signedDelivery } from "./webhooks.js";

const API = "https://api.github.com";
const SHA = "ce587453ced02b1526dfb4cb910479d431683101";

// Octokit logs every failed request through console.error; the failures here are on purpose.
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

const validate = (method: string, path: string, body?: unknown) =>
  validateRequest({ method, url: `${API}${path}`, body });

describe("validateRequest", () => {
  it("accepts a valid checks.create body", () => {
    const body = { name: "archdrift", head_sha: SHA, status: "completed", conclusion: "success" };
    expect(validate("POST", "/repos/o/r/check-runs", body)).toEqual({
      operationId: "checks/create",
    });
  });

  it("names a missing required property", () => {
    expect(() => validate("POST", "/repos/o/r/check-runs", { name: "archdrift" })).toThrow(
      /checks\/create[\s\S]*must have required property 'head_sha'/,
    );
  });

  it("names a value outside an enum", () => {
    const body = { name: "archdrift", head_sha: SHA, conclusion: "great" };
    expect(() => validate("POST", "/repos/o/r/check-runs", body)).toThrow(
      /body\/conclusion must be equal to one of the allowed values .*"success".*got "great"/,
    );
  });

  it("checks nested limits such as 50 annotations a request", () => {
    const annotation = {
      path: "a.ts",
      start_line: 1,
      end_line: 1,
      annotation_level: "notice",
      message: "m",
    };
    const output = {
      title: "t",
      summary: "s",
      annotations: Array.from({ length: 51 }, () => annotation),
    };
    expect(() =>
      validate("POST", "/repos/o/r/check-runs", { name: "n", head_sha: SHA, output }),
    ).toThrow(/body\/output\/annotations must NOT have more than 50 items/);
  });

  it("rejects a path no operation has", () => {
    expect(() => validate("GET", "/repos/o/r/check-runz/1")).toThrow(/no GitHub REST operation/);
    expect(() => validate("DELETE", "/repos/o/r/check-runs/1")).toThrow(/no GitHub REST operation/);
  });

  it("matches templates with parameters", () => {
    expect(validate("PATCH", "/repos/o/r/check-runs/42", { conclusion: "neutral" })).toEqual({
      operationId: "checks/update",
    });
    expect(matchOperation("PATCH", "/repos/o/r/check-runs/42")?.params).toEqual({
      owner: "o",
      repo: "r",
      check_run_id: "42",
    });
  });

  it("prefers literal segments over parameters", () => {
    expect(matchOperation("GET", "/repos/o/r/pulls/comments")?.operationId).toBe(
      "pulls/list-review-comments-for-repo",
    );
    expect(matchOperation("GET", "/repos/o/r/pulls/7")?.operationId).toBe("pulls/get");
  });

  it("lets path and ref parameters span slashes, encoded or not", () => {
    expect(matchOperation("GET", "/repos/o/r/contents/src/a.ts")?.params["path"]).toBe("src/a.ts");
    expect(matchOperation("GET", "/repos/o/r/git/ref/heads%2Fmain")?.params["ref"]).toBe(
      "heads/main",
    );
    expect(matchOperation("GET", "/repos/o/r/compare/main...feature")?.operationId).toBe(
      "repos/compare-commits",
    );
  });

  it("accepts pulls.createReview with comments and rejects a comment without body", () => {
    const comment = { path: "src/a.ts", line: 3, side: "RIGHT", body: "new cycle" };
    const review = { commit_id: SHA, event: "COMMENT", body: "archdrift", comments: [comment] };
    expect(validate("POST", "/repos/o/r/pulls/1/reviews", review)).toEqual({
      operationId: "pulls/create-review",
    });
    const broken = { ...review, comments: [{ path: "src/a.ts", line: 3 }] };
    expect(() => validate("POST", "/repos/o/r/pulls/1/reviews", broken)).toThrow(
      /body\/comments\/0 must have required property 'body'/,
    );
  });

  it("accepts null where the description says nullable, even beside an enum", () => {
    const body = { name: "bug", is_enabled: true, color: null };
    expect(validate("POST", "/orgs/o/issue-types", body).operationId).toBe(
      "orgs/create-issue-type",
    );
  });

  it("reports missing required query parameters", () => {
    expect(() => validate("GET", "/orgs/o/copilot/metrics/reports/organization-1-day")).toThrow(
      /query parameter 'day' is required/,
    );
  });

  it("strips the GitHub Enterprise prefix and checks GraphQL for a query", () => {
    const url = "https://ghe.example/api/v3/repos/o/r/pulls/1/files?per_page=100";
    expect(validateRequest({ method: "GET", url, body: undefined }).operationId).toBe(
      "pulls/list-files",
    );
    expect(validate("POST", "/graphql", { query: "{ viewer { login } }" }).operationId).toBe(
      "graphql",
    );
    expect(() => validate("POST", "/graphql", { mutation: "x" })).toThrow(/string `query`/);
  });
});

describe("webhooks", () => {
  it.each([
    ["pull_request", "opened"],
    ["check_run", "rerequested"],
    ["check_suite", "rerequested"],
    ["merge_group", "checks_requested"],
  ])("has an App example for %s.%s", (event, action) => {
    const payload = examplePayload(event, action);
    expect(payload["action"]).toBe(action);
    expect(payload["installation"]).toMatchObject({ id: expect.any(Number) });
  });

  it("hands out clones", () => {
    examplePayload("pull_request", "opened")["action"] = "changed";
    expect(examplePayload("pull_request", "opened")["action"]).toBe("opened");
  });

  it("names the actions that exist when one does not", () => {
    expect(() => examplePayload("check_run", "exploded")).toThrow(/rerequested/);
  });

  it("signs the exact body", async () => {
    const delivery = signedDelivery({
      event: "ping",
      payload: { zen: "é" },
      secret: "s3cret",
      id: "d-1",
    });
    const signature = delivery.headers["x-hub-signature-256"]!;
    expect(await verify("s3cret", delivery.body, signature)).toBe(true);
    expect(await verify("wrong", delivery.body, signature)).toBe(false);
    expect(delivery.headers["x-github-delivery"]).toBe("d-1");
  });
});

describe("mockGitHubApi", () => {
  let api: GitHubApiMock | undefined;
  afterEach(() => api?.restore());

  it("answers Octokit from a handler and records the request", async () => {
    api = mockGitHubApi().on("POST", "/repos/{owner}/{repo}/check-runs", (request) => ({
      status: 201,
      body: {
        id: 7,
        name: (request.body as { name: string }).name,
        owner: request.params["owner"],
      },
    }));
    const octokit = new Octokit({ auth: "ghs_test" });
    const { data } = await octokit.rest.checks.create({
      owner: "o",
      repo: "r",
      name: "archdrift",
      head_sha: SHA,
    });
    expect(data).toMatchObject({ id: 7, name: "archdrift", owner: "o" });
    expect(api.requests).toMatchObject([
      {
        method: "POST",
        path: "/repos/o/r/check-runs",
        operationId: "checks/create",
        body: { head_sha: SHA },
      },
    ]);
    expect(api.requests[0]?.headers["authorization"]).toBe("token ghs_test");
    api.done();
  });

  it("answers 400 to an invalid request and 404 to an unhandled one", async () => {
    api = mockGitHubApi();
    const octokit = new Octokit({ log: quiet });
    const bad = octokit.rest.checks.create({
      owner: "o",
      repo: "r",
      name: "n",
      head_sha: SHA,
      conclusion: "great" as "success",
    });
    await expect(bad).rejects.toMatchObject({ status: 400 });
    await expect(
      octokit.rest.pulls.get({ owner: "o", repo: "r", pull_number: 1 }),
    ).rejects.toMatchObject({ status: 404 });
    expect(() => api?.assertNoViolations()).toThrow(/conclusion.*got "great"/);
    expect(() => api?.assertAllHandled()).toThrow(/GET \/repos\/o\/r\/pulls\/1 \(pulls\/get\)/);
  });

  it("uses the most recently registered matching handler", async () => {
    api = mockGitHubApi()
      .on("GET", /^\/repos\/o\/r\/pulls\/\d+$/, () => ({ status: 200, body: { number: 1 } }))
      .on("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", () => ({
        status: 200,
        body: { number: 2 },
      }));
    const { data } = await new Octokit().rest.pulls.get({ owner: "o", repo: "r", pull_number: 1 });
    expect(data.number).toBe(2);
  });

  it("serves a GitHub Enterprise base URL", async () => {
    api = mockGitHubApi({ baseUrl: "https://ghe.example/api/v3" }).on(
      "GET",
      "/repos/{owner}/{repo}",
      () => ({
        status: 200,
        body: { full_name: "o/r" },
      }),
    );
    const octokit = new Octokit({ baseUrl: "https://ghe.example/api/v3" });
    expect((await octokit.rest.repos.get({ owner: "o", repo: "r" })).data.full_name).toBe("o/r");
    expect(api.requests[0]).toMatchObject({ path: "/repos/o/r", operationId: "repos/get" });
    api.done();
  });
});

describe("Probot end to end", () => {
  let server: Server | undefined;
  let api: GitHubApiMock | undefined;
  afterEach(async () => {
    api?.restore();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it("delivers a signed pull_request.opened and sees the app's check run, authenticated", async () => {
    api = mockGitHubApi({ installationToken: "ghs_e2e" }).on(
      "POST",
      "/repos/{owner}/{repo}/check-runs",
      () => ({
        status: 201,
        body: { id: 1 },
      }),
    );
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    const probot = new Probot({ appId: 1, privateKey: pem, secret: "s3cret", logLevel: "fatal" });
    const middleware = await createNodeMiddleware(
      (app) => {
        app.on("pull_request.opened", async (context) => {
          const head_sha = context.payload.pull_request.head.sha;
          await context.octokit.rest.checks.create(context.repo({ name: "archdrift", head_sha }));
        });
      },
      { probot },
    );
    server = createServer((request, response) => void middleware(request, response));
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    const payload = examplePayload("pull_request", "opened");
    const delivery = signedDelivery({ event: "pull_request", payload, secret: "s3cret" });
    const result = await deliver(`http://127.0.0.1:${port}/api/github/webhooks`, delivery);

    expect(result.status).toBe(200);
    expect(api.requests.map((request) => request.operationId)).toEqual([
      "apps/create-installation-access-token",
      "checks/create",
    ]);
    expect(api.requests[1]?.headers["authorization"]).toBe("token ghs_e2e");
    api.done();
  });
});
