import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { ConfigError } from "./policy.js";
import { boundedMessage } from "./bounded-message.js";

/** A parsed YAML config: plain data for the schema, the document and line counter for positions. */
export interface YamlConfig {
  readonly data: unknown;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** 1-based line of each key path up to a few levels deep: `layers.1`, `domains.orders.path`. */
  readonly lines: Readonly<Record<string, number>>;
}

export type YamlConfigResult =
  | { readonly ok: true; readonly yaml: YamlConfig }
  | { readonly ok: false; readonly errors: ConfigError[] };

/** Bounds that keep a hostile config cheap: a real one is a few hundred lines. */
const maxChars = 2 * 1024 * 1024;
const maxDepth = 64;
const maxLineDepth = 5;
const maxErrors = 20;

export function readYamlConfig(text: string, file: string): YamlConfigResult {
  if (text.length > maxChars) {
    return failure(file, 1, `the config is larger than ${maxChars / 1024 / 1024} MB`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    stringKeys: true,
  });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((error) => ({
      file,
      line: lineCounter.linePos(error.pos[0]).line,
      message:
        error.code === "RESOURCE_EXHAUSTION"
          ? "the config is nested too deeply"
          : boundedMessage(`YAML syntax error: ${error.message}`),
    }));
    return { ok: false, errors: errors.slice(0, maxErrors) };
  }
  const walked = walk(doc, lineCounter, file);
  if (!walked.ok) return walked;
  try {
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    return { ok: true, yaml: { data, doc, lineCounter, lines: walked.lines } };
  } catch (error) {
    // toJS throws on aliases that expand too far (a "billion laughs") or point nowhere.
    const message = error instanceof Error ? error.message : String(error);
    return failure(file, 1, `YAML error: ${message}`);
  }
}

interface Frame {
  readonly node: unknown;
  readonly path: string;
  readonly depth: number;
}

/**
 * Records key-path lines and rejects nesting deeper than any config needs, iteratively so that
 * the depth check itself cannot overflow the stack.
 */
function walk(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  file: string,
): { ok: true; lines: Record<string, number> } | { ok: false; errors: ConfigError[] } {
  const lines: Record<string, number> = {};
  const lineAt = (node: unknown): number | undefined => {
    const start = (node as { range?: readonly number[] } | null)?.range?.[0];
    return start === undefined ? undefined : lineCounter.linePos(start).line;
  };
  const stack: Frame[] = [{ node: doc.contents, path: "", depth: 0 }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { node, path, depth } = frame;
    if (depth > maxDepth) {
      return failure(
        file,
        lineAt(node) ?? 1,
        `the config is nested more than ${maxDepth} levels deep`,
      );
    }
    const record = (childPath: string, line: number | undefined) => {
      if (line !== undefined && depth < maxLineDepth && !(childPath in lines)) {
        lines[childPath] = line;
      }
    };
    const join = (key: string) => (path === "" ? key : `${path}.${key}`);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        record(join(key), lineAt(pair.key) ?? lineAt(pair.value));
        stack.push({ node: pair.value, path: join(key), depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        record(join(String(index)), lineAt(item));
        stack.push({ node: item, path: join(String(index)), depth: depth + 1 });
      });
    } else if (!isScalar(node) && !isAlias(node) && node !== null && node !== undefined) {
      return failure(file, lineAt(node) ?? 1, "the config holds a YAML node archdrift cannot read");
    }
  }
  return { ok: true, lines };
}

function failure(
  file: string,
  line: number,
  message: string,
): { ok: false; errors: ConfigError[] } {
  return { ok: false, errors: [{ file, line, message }] };
}
