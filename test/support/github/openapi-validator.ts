import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { openApiOperations, splitPath, type OpenApiOperation } from "./openapi-operations.js";
import { compareRanks, matchPath } from "./match-path.js";
import { toJsonSchema } from "./to-json-schema.js";

export interface RequestToValidate {
  method: string;
  /** Full URL with host; a GitHub Enterprise `/api/v3` prefix is ignored. */
  url: string;
  /** Parsed JSON, or undefined when the request had no body. */
  body: unknown;
}

export interface MatchedOperation {
  operationId: string;
  template: string;
  params: Record<string, string>;
}

/** Thrown by validateRequest; `operationId` is set when the path matched but the request did not. */
export class OpenApiViolation extends Error {
  override readonly name = "OpenApiViolation";
  constructor(
    message: string,
    readonly operationId: string | undefined,
  ) {
    super(message);
  }
}

export const GRAPHQL_OPERATION_ID = "graphql";

export function validateRequest(request: RequestToValidate): { operationId: string } {
  const method = request.method.toUpperCase();
  const url = new URL(request.url);
  const path = apiPath(url.pathname);
  if (method === "POST" && (path === "/graphql" || url.pathname === "/api/graphql")) {
    return validateGraphql(request.body);
  }
  const match = findOperation(method, path);
  if (match === undefined) {
    throw new OpenApiViolation(
      `${method} ${path}: no GitHub REST operation has this path`,
      undefined,
    );
  }
  const { operation } = match;
  const problems = [
    ...missingQuery(operation, url.searchParams),
    ...bodyProblems(operation, request.body),
  ];
  if (problems.length > 0) {
    const heading = `${method} ${path} (${operation.operationId}, ${operation.template})`;
    throw new OpenApiViolation(`${heading}:\n  ${problems.join("\n  ")}`, operation.operationId);
  }
  return { operationId: operation.operationId };
}

/** The operation for method + path (no query); literal segments win over parameters. */
export function matchOperation(method: string, path: string): MatchedOperation | undefined {
  const match = findOperation(method.toUpperCase(), apiPath(path));
  if (match === undefined) return undefined;
  const { operation, params } = match;
  return { operationId: operation.operationId, template: operation.template, params };
}

function findOperation(method: string, path: string) {
  const pathSegments = splitPath(path);
  let best:
    { operation: OpenApiOperation; params: Record<string, string>; ranks: number[] } | undefined;
  for (const operation of openApiOperations()) {
    if (operation.method !== method) continue;
    const match = matchPath(operation.segments, pathSegments);
    if (match && (best === undefined || compareRanks(match.ranks, best.ranks) > 0)) {
      best = { operation, ...match };
    }
  }
  return best;
}

/** GitHub Enterprise Server serves REST under /api/v3; the description knows paths without it. */
function apiPath(pathname: string): string {
  return pathname.replace(/^\/api\/v3(?=\/|$)/, "") || "/";
}

function validateGraphql(body: unknown): { operationId: string } {
  const query = (body as { query?: unknown } | undefined)?.query;
  if (typeof query !== "string") {
    throw new OpenApiViolation(
      "POST /graphql: body must be an object with a string `query`",
      GRAPHQL_OPERATION_ID,
    );
  }
  return { operationId: GRAPHQL_OPERATION_ID };
}

function missingQuery(operation: OpenApiOperation, query: URLSearchParams): string[] {
  return operation.requiredQuery
    .filter((name) => !query.has(name))
    .map((name) => `query parameter '${name}' is required`);
}

function bodyProblems(operation: OpenApiOperation, body: unknown): string[] {
  if (operation.jsonBody === undefined) return [];
  if (body === undefined && !operation.jsonBody.required) return [];
  // A missing required body is reported through the schema's own `required` list.
  const validate = compiledValidator(operation);
  if (validate(body ?? {})) return [];
  return (validate.errors ?? []).map(describeError);
}

function describeError(error: ErrorObject): string {
  const where = `body${error.instancePath}`;
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  const extra = (error.params as { additionalProperty?: string }).additionalProperty;
  // `verbose` puts the offending value in `data`; showing it saves a debugging round trip.
  const detail = allowed
    ? ` (${allowed.map((value) => JSON.stringify(value)).join(", ")}), got ${JSON.stringify(error.data)}`
    : "";
  return `${where} ${error.message ?? error.keyword}${detail}${extra ? `: '${extra}'` : ""}`;
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** Compiling all 340 body schemas up front takes seconds; tests touch a handful. */
function compiledValidator(operation: OpenApiOperation): ValidateFunction {
  let validate = validators.get(operation.operationId);
  if (validate === undefined) {
    validate = sharedAjv().compile(toJsonSchema(operation.jsonBody?.schema) as object);
    validators.set(operation.operationId, validate);
  }
  return validate;
}

function sharedAjv(): Ajv {
  if (ajv === undefined) {
    ajv = new Ajv({ strict: false, allErrors: true, verbose: true });
    addFormats.default(ajv);
    // GitHub-specific formats: ajv would otherwise warn and ignore them.
    ajv.addFormat("timestamp", true);
    ajv.addFormat("repo.nwo", /^[^/\s]+\/[^/\s]+$/);
  }
  return ajv;
}
