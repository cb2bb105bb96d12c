type Schema = Record<string, unknown>;

const SCHEMA_MAPS = ["properties", "patternProperties"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf"];
const SINGLE_SCHEMAS = ["items", "additionalProperties", "not"];
/** OpenAPI-only keys; `examples` would also fail ajv's meta-schema, which wants an array. */
const DROPPED = new Set(["example", "examples", "discriminator", "xml", "externalDocs"]);

/**
 * Turns an OpenAPI 3.0 schema into JSON Schema draft-07 for ajv. ajv's own `nullable` support
 * throws on `nullable` without `type` (13 request bodies have that) and still rejects null
 * against an `enum` lacking null (11 more), so nullable is rewritten here instead.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const result: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith("x-") || key === "nullable") continue;
    result[key] = convertKeyword(key, value);
  }
  return schema["nullable"] === true ? allowNull(result) : result;
}

function convertKeyword(key: string, value: unknown): unknown {
  if (SCHEMA_MAPS.includes(key) && isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub)]),
    );
  }
  if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) return value.map(toJsonSchema);
  if (SINGLE_SCHEMAS.includes(key)) return toJsonSchema(value);
  return value;
}

function allowNull(schema: Schema): Schema {
  const { type } = schema;
  if (typeof type !== "string") return { anyOf: [schema, { type: "null" }] };
  const nullable: Schema = { ...schema, type: [type, "null"] };
  if (Array.isArray(schema["enum"])) nullable["enum"] = [...(schema["enum"] as unknown[]), null];
  return nullable;
}

function isObject(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
