import { isMap, isScalar, type Document } from "yaml";
import type { z } from "zod";
import { closestMatch } from "./closest-match.js";
import { describeValue, quote } from "./describe-value.js";
import type { ConfigError } from "./policy.js";
import { knownKeysAt } from "./policy-schema.js";
import type { YamlConfig } from "./read-yaml-config.js";

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

const maxErrors = 50;

/** Turns schema issues into errors a person can act on: where (file and line), what, and a fix. */
export function configErrorsFromIssues(
  issues: readonly Issue[],
  yaml: YamlConfig,
  file: string,
): ConfigError[] {
  const errors = issues
    .flatMap((issue) => flattenUnions(issue, []))
    .flatMap(({ issue, path }) => describeIssue(issue, path, yaml, file));
  const unique = new Map(errors.map((error) => [`${error.line}\0${error.message}`, error]));
  return [...unique.values()].sort((a, b) => a.line - b.line).slice(0, maxErrors);
}

/**
 * A union fails with one issue per branch. Reporting "must be A or B" for `layers: [[api, 1]]`
 * hides the real problem, so when one branch clearly matched the value's shape, its issues win.
 */
function flattenUnions(issue: Issue, prefix: Path): { issue: Issue; path: Path }[] {
  const path = [...prefix, ...issue.path];
  if (issue.code !== "invalid_union") return [{ issue, path }];
  const scores = issue.errors.map(branchScore);
  const best = Math.max(0, ...scores);
  const winners = issue.errors.filter((_, index) => scores[index] === best);
  const [winner] = winners;
  if (best === 0 || winners.length !== 1 || winner === undefined) return [{ issue, path }];
  return winner.flatMap((inner) => flattenUnions(inner, path));
}

/** 2: the value had the branch's shape and failed inside; 1: right type, wrong value; 0: wrong type. */
function branchScore(issues: readonly Issue[]): number {
  const atRoot = issues.filter((issue) => issue.path.length === 0);
  if (atRoot.length === 0) return 2;
  const wrongType = atRoot.some(
    (issue) => issue.code === "invalid_type" || issue.code === "invalid_union",
  );
  return wrongType ? 0 : 1;
}

function describeIssue(issue: Issue, path: Path, yaml: YamlConfig, file: string): ConfigError[] {
  const value = valueAt(yaml.data, path);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      file,
      line: keyLine(yaml, path, key),
      message: unknownKeyMessage(key, path),
    }));
  }
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  if (issue.code === "invalid_type" && value === undefined && last !== undefined) {
    const owner = parentPath.length === 0 ? "the config" : formatPath(parentPath);
    const message = `${owner} is missing ${String(last)}${missingHint(String(last))}`;
    return [{ file, line: nodeLine(yaml, parentPath), message }];
  }
  const where = path.length === 0 ? "the config" : formatPath(path);
  const got = showsValue(issue)
    ? `, got ${describeValue(value)}`
    : typeof value === "number" && (issue.code === "too_small" || issue.code === "too_big")
      ? `, got ${value}`
      : "";
  const suggestion = issue.code === "invalid_value" ? suggest(value, issue.values) : "";
  return [
    { file, line: nodeLine(yaml, path), message: `${where} ${issue.message}${got}${suggestion}` },
  ];
}

function unknownKeyMessage(key: string, path: Path): string {
  const known = knownKeysAt(path);
  const match = closestMatch(key, known);
  const hint =
    key === "threshold" && path[0] === "rules"
      ? "; only coupling-growth takes a threshold"
      : match !== undefined
        ? `; did you mean ${match}?`
        : known.length > 0
          ? `; known keys: ${known.join(", ")}`
          : "";
  if (path.length === 1 && path[0] === "rules") return `unknown rule ${quote(key)}${hint}`;
  const where = path.length === 0 ? "" : ` in ${formatPath(path)}`;
  return `unknown key ${quote(key)}${where}${hint}`;
}

function missingHint(key: string): string {
  if (key === "reason") return ": say why the finding is accepted";
  return "";
}

function showsValue(issue: Issue): boolean {
  if (issue.code === "custom") return issue.message.startsWith("must");
  return ["invalid_type", "invalid_union", "invalid_value", "invalid_format"].includes(issue.code);
}

function suggest(value: unknown, values: readonly unknown[]): string {
  if (typeof value !== "string") return "";
  const match = closestMatch(value, values.map(String));
  return match === undefined ? "" : `; did you mean ${match}?`;
}

/** `layers[1]`, `forbidden[0].from`, `rules.coupling-growth.threshold`. */
export function formatPath(path: Path): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`,
    )
    .join("");
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== "object") return undefined;
    if (!Object.hasOwn(value, part)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** Line of the node at `path`, or of its nearest ancestor that exists in the document. */
function nodeLine(yaml: YamlConfig, path: Path): number {
  for (let length = path.length; length >= 0; length--) {
    const start = rangeStart(nodeAt(yaml.doc, path.slice(0, length)));
    if (start !== undefined) return yaml.lineCounter.linePos(start).line;
  }
  return 1;
}

function keyLine(yaml: YamlConfig, path: Path, key: string): number {
  const map = nodeAt(yaml.doc, path);
  if (isMap(map)) {
    const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    const start = rangeStart(pair?.key);
    if (start !== undefined) return yaml.lineCounter.linePos(start).line;
  }
  return nodeLine(yaml, path);
}

function nodeAt(doc: Document.Parsed, path: Path): unknown {
  if (path.length === 0) return doc.contents;
  try {
    return doc.getIn(path as unknown[], true);
  } catch {
    return undefined;
  }
}

function rangeStart(node: unknown): number | undefined {
  if (node === null || typeof node !== "object" || !("range" in node)) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range?.[0];
}
