import nock from "nock";
import { OpenApiViolation, validateRequest } from "./openapi-validator.js";
import { parseTemplate, splitPath, type Segment } from "./openapi-operations.js";
import { matchPath } from "./match-path.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface MockRequest {
  method: HttpMethod;
  /** Full URL as sent. */
  url: string;
  /** API path without query and without a GitHub Enterprise `/api/v3` prefix. */
  path: string;
  /** Path template parameters, when the handler was registered with a template. */
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON, a string for other content, undefined when empty. */
  body: unknown;
  headers: Record<string, string>;
}

export interface MockReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type MockHandler = (request: MockRequest) => MockReply | Promise<MockReply>;

export interface RecordedRequest extends MockRequest {
  /** Undefined when no operation of the OpenAPI description matches. */
  operationId: string | undefined;
}

export interface Violation {
  request: RecordedRequest;
  message: string;
}

export interface GitHubApiMockOptions {
  /** Default https://api.github.com; a GHE URL like https://ghe.example/api/v3 also works. */
  baseUrl?: string;
  /** Token the default installation-token handler hands out. */
  installationToken?: string;
  installationPermissions?: Record<string, string>;
}

export interface GitHubApiMock {
  /**
   * Registers a handler, usable any number of times. The most recently registered matching
   * handler answers, so a test overrides a default (the installation token) by registering again.
   * A template (`/repos/{owner}/{repo}/check-runs/{check_run_id}`) fills `params`; a RegExp is
   * tested against `path`.
   */
  on(method: HttpMethod, path: string | RegExp, reply: MockHandler): GitHubApiMock;
  readonly requests: RecordedRequest[];
  /** Requests the OpenAPI description rejects (answered 400) and handlers that threw (500). */
  readonly violations: Violation[];
  /** Valid requests no handler matched (answered 404). */
  readonly unhandled: RecordedRequest[];
  readonly installationToken: string;
  assertNoViolations(): void;
  assertAllHandled(): void;
  /** Removes all nock interceptors; outbound network stays limited to localhost. */
  restore(): void;
  /** restore(), then assertNoViolations() and assertAllHandled(). */
  done(): void;
  /**
   * Answers one request exactly as the interceptor does (validated, recorded, handled), for
   * requests that arrive over a socket: another process's, through `serveGitHubApi`.
   */
  respond(
    method: HttpMethod,
    url: URL,
    body: nock.Body,
    headers: Record<string, string | string[]>,
  ): Promise<[number, nock.ReplyBody, Record<string, string>]>;
}

interface Registration {
  method: HttpMethod;
  matches: (path: string) => Record<string, string> | undefined;
  reply: MockHandler;
}

const METHODS: HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const DEFAULT_TOKEN = "ghs_archdriftTestInstallationToken0001";
const DEFAULT_PERMISSIONS = {
  checks: "write",
  contents: "read",
  pull_requests: "write",
  metadata: "read",
};

/** Intercepts one GitHub API host with nock. Only one mock at a time: restore() clears all of nock. */
export function mockGitHubApi(options: GitHubApiMockOptions = {}): GitHubApiMock {
  const baseUrl = new URL(options.baseUrl ?? "https://api.github.com");
  const registrations: Registration[] = [];
  const mock = createMock(registrations, options.installationToken ?? DEFAULT_TOKEN);
  mock.respond = (method, url, body, headers) =>
    answer(mock, registrations, toMockRequest(method, url, body, headers));
  mock.on("POST", "/app/installations/{installation_id}/access_tokens", () => ({
    status: 201,
    body: {
      token: mock.installationToken,
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      permissions: options.installationPermissions ?? DEFAULT_PERMISSIONS,
      repository_selection: "all",
    },
  }));
  limitNetworkToLocalhost();
  const scope = nock(baseUrl.origin).persist();
  for (const method of METHODS) {
    scope
      .intercept(/.*/, method)
      .query(true)
      .reply(async function (uri, body) {
        return mock.respond(method, new URL(uri, baseUrl.origin), body, this.req.headers);
      });
  }
  return mock;
}

function createMock(registrations: Registration[], installationToken: string): GitHubApiMock {
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const unhandled: RecordedRequest[] = [];
  const mock: GitHubApiMock = {
    requests,
    violations,
    unhandled,
    installationToken,
    on(method, path, reply) {
      registrations.unshift({ method, matches: pathMatcher(path), reply });
      return mock;
    },
    assertNoViolations() {
      if (violations.length === 0) return;
      const list = violations.map((violation) => violation.message).join("\n\n");
      throw new Error(`${violations.length} GitHub API request(s) violated the API:\n\n${list}`);
    },
    assertAllHandled() {
      if (unhandled.length === 0) return;
      const list = unhandled.map(
        (request) => `${request.method} ${request.path} (${request.operationId})`,
      );
      throw new Error(
        `${unhandled.length} GitHub API request(s) had no handler:\n  ${list.join("\n  ")}`,
      );
    },
    restore() {
      nock.cleanAll();
      limitNetworkToLocalhost();
    },
    done() {
      mock.restore();
      mock.assertNoViolations();
      mock.assertAllHandled();
    },
    respond: () => Promise.reject(new Error("set by mockGitHubApi")),
  };
  return mock;
}

async function answer(
  mock: GitHubApiMock,
  registrations: Registration[],
  request: MockRequest,
): Promise<[number, nock.ReplyBody, Record<string, string>]> {
  const recorded: RecordedRequest = { ...request, operationId: undefined };
  mock.requests.push(recorded);
  try {
    recorded.operationId = validateRequest(request).operationId;
  } catch (error) {
    if (!(error instanceof OpenApiViolation)) throw error;
    recorded.operationId = error.operationId;
    mock.violations.push({ request: recorded, message: error.message });
    return errorReply(400, `archdrift GitHub mock: ${error.message}`);
  }
  return runHandler(mock, registrations, recorded);
}

async function runHandler(
  mock: GitHubApiMock,
  registrations: Registration[],
  recorded: RecordedRequest,
): Promise<[number, nock.ReplyBody, Record<string, string>]> {
  for (const registration of registrations) {
    if (registration.method !== recorded.method) continue;
    const params = registration.matches(recorded.path);
    if (params === undefined) continue;
    recorded.params = params;
    try {
      const reply = await registration.reply(recorded);
      return [reply.status, replyBody(reply.body), replyHeaders(reply)];
    } catch (error) {
      const message = `${recorded.method} ${recorded.path}: handler threw ${String(error)}`;
      mock.violations.push({ request: recorded, message });
      return errorReply(500, message);
    }
  }
  mock.unhandled.push(recorded);
  return errorReply(404, "Not Found");
}

function pathMatcher(path: string | RegExp): Registration["matches"] {
  if (path instanceof RegExp) return (actual) => (path.test(actual) ? {} : undefined);
  const segments: Segment[] = parseTemplate(path);
  return (actual) => matchPath(segments, splitPath(actual))?.params;
}

function toMockRequest(
  method: HttpMethod,
  url: URL,
  body: nock.Body,
  headers: Record<string, string | string[]>,
): MockRequest {
  return {
    method,
    url: url.href,
    path: apiPath(url.pathname),
    params: {},
    query: Object.fromEntries(url.searchParams),
    body: parseBody(body),
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name, String(value)]),
    ),
  };
}

/** Handlers see the paths of the OpenAPI description, whatever the host's prefix. */
function apiPath(pathname: string): string {
  if (pathname === "/api/graphql") return "/graphql";
  return pathname.replace(/^\/api\/v3(?=\/|$)/, "") || "/";
}

// nock already parses bodies sent as JSON; this covers JSON sent without that content type.
function parseBody(body: nock.Body): unknown {
  if (typeof body !== "string") return body;
  if (body === "") return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function replyBody(body: unknown): nock.ReplyBody {
  if (body === undefined) return "";
  if (typeof body === "string" || Buffer.isBuffer(body)) return body;
  return JSON.stringify(body);
}

// Octokit parses a response as JSON only when its content type says so.
function replyHeaders(reply: MockReply): Record<string, string> {
  const isJson =
    reply.body !== undefined && typeof reply.body !== "string" && !Buffer.isBuffer(reply.body);
  const given = Object.entries(reply.headers ?? {}).map(([name, value]) => [
    name.toLowerCase(),
    value,
  ]);
  const defaults = isJson ? [["content-type", "application/json; charset=utf-8"]] : [];
  return Object.fromEntries([...defaults, ...given]) as Record<string, string>;
}

function errorReply(
  status: number,
  message: string,
): [number, nock.ReplyBody, Record<string, string>] {
  return [status, JSON.stringify({ message }), { "content-type": "application/json" }];
}

/** Tests also talk to a local git server and the local Probot server; nothing else may leak out. */
function limitNetworkToLocalhost(): void {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
}
