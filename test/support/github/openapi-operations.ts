import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export type Segment =
  | { kind: "literal"; text: string }
  | { kind: "param"; name: string }
  | { kind: "mixed"; pattern: RegExp; names: string[] };

export interface OpenApiOperation {
  operationId: string;
  method: string;
  template: string;
  segments: Segment[];
  requiredQuery: string[];
  /** Undefined when the operation takes no JSON body (none at all, or raw text and binary uploads). */
  jsonBody: { required: boolean; schema: object } | undefined;
}

const METHODS = ["get", "post", "put", "patch", "delete", "head"] as const;

interface RawOperation {
  operationId?: string;
  parameters?: { in?: string; name?: string; required?: boolean }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
}

let cached: OpenApiOperation[] | undefined;

/**
 * The description is 73 MB, mostly response examples. Parse it once per process (vitest: per test
 * file) and keep only what request validation needs, so the rest can be garbage collected.
 */
export function openApiOperations(): OpenApiOperation[] {
  cached ??= indexOperations(loadDescription());
  return cached;
}

function loadDescription(): Record<string, Record<string, RawOperation>> {
  const require = createRequire(import.meta.url);
  const file = require.resolve("@octokit/openapi/generated/api.github.com.deref.json");
  const document = JSON.parse(readFileSync(file, "utf8")) as {
    paths: Record<string, Record<string, RawOperation>>;
  };
  return document.paths;
}

function indexOperations(paths: Record<string, Record<string, RawOperation>>): OpenApiOperation[] {
  const operations: OpenApiOperation[] = [];
  for (const [template, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const raw = item[method];
      if (raw?.operationId === undefined) continue;
      operations.push({
        operationId: raw.operationId,
        method: method.toUpperCase(),
        template,
        segments: parseTemplate(template),
        requiredQuery: (raw.parameters ?? [])
          .filter((parameter) => parameter.in === "query" && parameter.required === true)
          .map((parameter) => parameter.name ?? ""),
        jsonBody: jsonBodyOf(raw),
      });
    }
  }
  return operations;
}

function jsonBodyOf(raw: RawOperation): OpenApiOperation["jsonBody"] {
  const schema = raw.requestBody?.content?.["application/json"]?.schema;
  if (schema === undefined) return undefined;
  return { required: raw.requestBody?.required === true, schema };
}

export function parseTemplate(template: string): Segment[] {
  return splitPath(template).map(parseSegment);
}

function parseSegment(text: string): Segment {
  const whole = /^\{([^}]+)\}$/.exec(text);
  if (whole) return { kind: "param", name: whole[1]! };
  if (!text.includes("{")) return { kind: "literal", text };
  // Only `{base}...{head}` mixes text and parameters today; a regex keeps it general.
  const names: string[] = [];
  const source = text
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(name);
      return "(.+?)";
    })
    .join("");
  return { kind: "mixed", pattern: new RegExp(`^${source}$`), names };
}

export function splitPath(path: string): string[] {
  return path.split("/").filter((segment) => segment !== "");
}
