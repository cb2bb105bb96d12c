import type { EdgeKind } from "../../../graph/graph.js";
import { UnsureError, type Token } from "./token.js";

/** An import found in the tokens: its specifier, kind and the text span of what shows it. */
export interface FoundImport {
  readonly specifier: string;
  readonly kind: EdgeKind;
  /** Index of the first token (`import`, `export`, `typeof`, `require`). */
  readonly first: number;
  /** Index of the last token of the declaration or call. */
  readonly last: number;
  /** A declaration is its own statement; a call is shown with the statement around it. */
  readonly declaration: boolean;
}

const isWord = (token: Token | undefined, word: string) =>
  token?.kind === "name" && token.value === word;
const isPunct = (token: Token | undefined, value: string) =>
  token?.kind === "punct" && token.value === value;

/** The module a string token names, or unsure when it holds an escape. */
export function specifierOf(token: Token | undefined): string | undefined {
  if (token?.kind !== "string" && token?.kind !== "template") return undefined;
  if (token.escaped) throw new UnsureError("escaped specifier");
  return token.value;
}

/**
 * `import … from "x"`, `import "x"`, `import x = require("x")`, with `import type` and
 * `import { type A }` told apart as TypeScript does. `at` is the `import` token; `first` the
 * statement's first token (`export import x = require(…)` starts at `export`).
 */
export function importDeclaration(
  tokens: readonly Token[],
  at: number,
  first: number,
): FoundImport | undefined {
  let index = at + 1;
  const plain = specifierOf(tokens[index]);
  if (plain !== undefined) return finish(tokens, plain, "runtime", first, index);
  let typeOnly = false;
  const afterType = tokens[index + 1];
  if (isWord(tokens[index], "type") && !isWord(afterType, "from") && !isPunct(afterType, ",")) {
    if (!isPunct(afterType, "=")) {
      typeOnly = true;
      index++;
    }
  }
  let named = false;
  if (tokens[index]?.kind === "name" && !isWord(tokens[index], "from")) {
    if (isPunct(tokens[index + 1], "=")) return importEquals(tokens, index + 2, first, typeOnly);
    named = true;
    index++;
    if (isPunct(tokens[index], ",")) index++;
  }
  let elements: Elements | undefined;
  if (isPunct(tokens[index], "*")) {
    if (!isWord(tokens[index + 1], "as")) throw new UnsureError("import *");
    index += 3;
  } else if (tokens[index]?.kind === "open" && tokens[index]!.value === "{") {
    elements = elementsOf(tokens, index);
    index = tokens[index]!.pair + 1;
  }
  if (!isWord(tokens[index], "from")) throw new UnsureError("import without from");
  const specifier = specifierOf(tokens[index + 1]);
  if (specifier === undefined) throw new UnsureError("import from a non-string");
  const allTypes = !named && elements !== undefined && elements.count > 0 && elements.allTypeOnly;
  const kind = typeOnly || allTypes ? "type-only" : "runtime";
  return finish(tokens, specifier, kind, first, index + 1);
}

function importEquals(
  tokens: readonly Token[],
  index: number,
  first: number,
  typeOnly: boolean,
): FoundImport | undefined {
  if (!isWord(tokens[index], "require")) return undefined; // `import x = A.B`: an alias
  const open = tokens[index + 1];
  const specifier = specifierOf(tokens[index + 2]);
  if (open?.kind !== "open" || specifier === undefined || open.pair !== index + 3)
    throw new UnsureError("import = require of a non-string");
  return finish(tokens, specifier, typeOnly ? "type-only" : "runtime", first, index + 3);
}

/** `export … from "x"`: `export *`, `export * as ns`, `export { a, type B }`, `export type {…}`. */
export function exportDeclaration(tokens: readonly Token[], at: number): FoundImport | undefined {
  let index = at + 1;
  let typeOnly = false;
  const next = tokens[index + 1];
  if (isWord(tokens[index], "type") && (isPunct(next, "*") || next?.value === "{")) {
    typeOnly = true;
    index++;
  }
  if (isPunct(tokens[index], "*")) {
    index++;
    if (isWord(tokens[index], "as")) index += 2;
    if (!isWord(tokens[index], "from")) throw new UnsureError("export * without from");
  } else if (tokens[index]?.kind === "open" && tokens[index]!.value === "{") {
    const elements = elementsOf(tokens, index);
    index = tokens[index]!.pair + 1;
    if (!isWord(tokens[index], "from")) return undefined; // a local export
    typeOnly ||= elements.count > 0 && elements.allTypeOnly;
  } else {
    return undefined;
  }
  const specifier = specifierOf(tokens[index + 1]);
  if (specifier === undefined) throw new UnsureError("export from a non-string");
  return finish(tokens, specifier, typeOnly ? "type-only" : "runtime", at, index + 1);
}

interface Elements {
  readonly count: number;
  readonly allTypeOnly: boolean;
}

/** `{ a, type B, c as d, "x-y" as e }`: how many, and whether each is marked `type`. */
function elementsOf(tokens: readonly Token[], open: number): Elements {
  let count = 0;
  let allTypeOnly = true;
  let group: Token[] = [];
  const close = tokens[open]!.pair;
  const end = () => {
    if (group.length === 0) return;
    count++;
    const marked = isWord(group[0], "type") && (group.length === 2 || group.length === 4);
    if (!marked) allTypeOnly = false;
    group = [];
  };
  for (let index = open + 1; index < close; index++) {
    const token = tokens[index]!;
    if (isPunct(token, ",")) end();
    else if (token.kind === "name" || token.kind === "string") group.push(token);
    else throw new UnsureError("unexpected token in import braces");
  }
  end();
  return { count, allTypeOnly };
}

/** The declaration ends at its specifier, its `with { … }` attributes and a `;` right after. */
function finish(
  tokens: readonly Token[],
  specifier: string,
  kind: EdgeKind,
  first: number,
  specifierIndex: number,
): FoundImport {
  let last = specifierIndex;
  const next = tokens[last + 1];
  if ((isWord(next, "with") || isWord(next, "assert")) && tokens[last + 2]?.value === "{") {
    last = tokens[last + 2]!.pair;
  }
  if (isPunct(tokens[last + 1], ";")) last++;
  return { specifier, kind, first, last, declaration: true };
}
