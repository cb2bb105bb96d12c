import type { FoundImport } from "./declared-imports.js";
import { specifierOf } from "./declared-imports.js";
import { UnsureError, type Token } from "./token.js";

const isPunct = (token: Token | undefined, value: string) =>
  token?.kind === "punct" && token.value === value;

/** The string argument of a call `name("x")`, and the index of its `)`; else undefined. */
function stringArgument(
  tokens: readonly Token[],
  at: number,
  alone: boolean,
): { specifier: string; close: number } | undefined {
  const open = tokens[at + 1];
  if (open?.kind !== "open" || open.value !== "(") return undefined;
  const argumentToken = tokens[at + 2];
  if (argumentToken?.parent !== at + 1) return undefined;
  const specifier = specifierOf(argumentToken);
  if (specifier === undefined) return undefined;
  const after = tokens[at + 3];
  if (open.pair !== at + 3 && (alone || !isPunct(after, ","))) return undefined;
  return { specifier, close: open.pair };
}

/** Names after `import("x").` that a dynamic import's promise has: anything else is a type. */
const promiseMembers = new Set(["then", "catch", "finally"]);

/**
 * `import("x")`: a dynamic import, or a type (`typeof import("x")`). A qualified name after it
 * (`import("x").T`) is left to the reference parser, which knows a type from an expression.
 */
export function importCall(
  tokens: readonly Token[],
  at: number,
  declarationFile: boolean,
): FoundImport | undefined {
  const found = stringArgument(tokens, at, false);
  if (!found) return undefined;
  const before = tokens[at - 1];
  const typeOf = before?.kind === "name" && before.value === "typeof";
  const member = tokens[found.close + 2];
  const qualified = isPunct(tokens[found.close + 1], ".") && member?.kind === "name";
  if (typeOf || (declarationFile && qualified)) {
    // In a declaration file every `import()` is a type: `import("x").T`, as TypeScript reads it.
    let last = found.close;
    while (isPunct(tokens[last + 1], ".") && tokens[last + 2]?.kind === "name") last += 2;
    const first = typeOf ? at - 1 : at;
    return { specifier: found.specifier, kind: "type-only", first, last, declaration: false };
  }
  if (qualified && !promiseMembers.has(member.value))
    throw new UnsureError("import() followed by a qualified name");
  return {
    specifier: found.specifier,
    kind: "dynamic",
    first: at,
    last: found.close,
    declaration: false,
  };
}

/**
 * `require("x")` with one string argument: runtime at the top of a module or inside an object
 * or a control block, lazy inside a function body. An arrow function without braces, or a `{`
 * that is neither, is left to the reference parser.
 */
export function requireCall(tokens: readonly Token[], at: number): FoundImport | undefined {
  const found = stringArgument(tokens, at, true);
  if (!found) return undefined;
  const kind = insideFunction(tokens, at) ? "lazy" : "runtime";
  return { specifier: found.specifier, kind, first: at, last: found.close, declaration: false };
}

const controlWords = new Set(["if", "for", "while", "switch", "with", "catch", "await"]);
/** Tokens before a `{` that opens a block which is not a function body. */
const blockWords = new Set(["else", "try", "finally", "do", "}", ";"]);

function insideFunction(tokens: readonly Token[], at: number): boolean {
  let child = at;
  for (let level = tokens[at]!.parent; ; level = tokens[level]!.parent) {
    if (arrowBefore(tokens, child, level)) throw new UnsureError("require in an arrow function");
    if (level < 0) return false;
    const opener = tokens[level]!;
    if (opener.value === "{" && opener.statementBlock) {
      const before = tokens[level - 1];
      if (before?.kind === "close" && before.value === ")") {
        if (!controlWords.has(tokens[before.pair - 1]?.value ?? "")) return true;
      } else if (before?.kind === "punct" && before.value === "=>") {
        return true;
      } else if (before !== undefined && !blockWords.has(before.value)) {
        return true; // after a return type (`): T {`): a function body
      }
    } else if (opener.value === "{" && !objectPosition(tokens[level - 1])) {
      throw new UnsureError("require in a class or a block of unknown kind");
    }
    child = level;
  }
}

/** A `{` after these starts an object literal. */
function objectPosition(before: Token | undefined): boolean {
  if (before?.kind === "open") return true;
  if (before?.kind === "name") return before.value === "return";
  return before?.kind === "punct" && ["=", ",", ":", "?", "|", "&"].includes(before.value);
}

/** A `=>` earlier in the same expression at this level, whose body may hold the call. */
function arrowBefore(tokens: readonly Token[], from: number, level: number): boolean {
  for (let index = from - 1, steps = 0; index > level; index--, steps++) {
    if (steps > 256) throw new UnsureError("a long expression before require");
    const token = tokens[index]!;
    if (token.kind === "punct" && (token.value === "," || token.value === ";")) return false;
    if (token.kind === "close" && token.value === "}" && tokens[token.pair]!.statementBlock)
      return false;
    if (token.kind === "punct" && token.value === "=>") return true;
    if (token.kind === "name" && token.value === "function") return true;
    if (token.kind === "close") index = token.pair;
  }
  return false;
}
