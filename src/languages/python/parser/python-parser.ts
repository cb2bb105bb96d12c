import { createRequire } from "node:module";
import { Language, Parser, type ParseOptions, type ParseState, type Tree } from "web-tree-sitter";
import { parsableText } from "../parsable-text.js";
import { DeadlineCheck, type ParseDeadline } from "../parse-deadline.js";
import { ParseTimeoutError } from "../parse-timeout-error.js";

let parserPromise: Promise<Parser> | undefined;

/**
 * The tree-sitter Python parser, loaded once per process: the wasm runtime and grammar take tens of
 * milliseconds to instantiate, which would dominate the cost of parsing one small file.
 */
export function pythonParser(): Promise<Parser> {
  parserPromise ??= createParser().catch((error: unknown) => {
    // A failed load must not poison every later call in a long-running server.
    parserPromise = undefined;
    throw error;
  });
  return parserPromise;
}

async function createParser(): Promise<Parser> {
  await Parser.init();
  const require = createRequire(import.meta.url);
  const language = await Language.load(
    require.resolve("tree-sitter-python/tree-sitter-python.wasm"),
  );
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/**
 * Parses `text` and hands the tree to `use`, freeing the tree's wasm memory afterwards: trees are not
 * garbage collected. `use` also receives the text that was actually parsed (see `parsableText`).
 * Past `deadline` the parse halts and `ParseTimeoutError` is thrown: the parse is synchronous, and a
 * hostile file must not hold the process (and every webhook it should be answering) for long.
 * `use` gets the same deadline as a `DeadlineCheck`, to tick as it walks the tree.
 */
export async function withPythonTree<T>(
  text: string,
  use: (tree: Tree, parsedText: string, deadline: DeadlineCheck | undefined) => T,
  deadline?: ParseDeadline,
): Promise<T> {
  const parser = await pythonParser();
  const parsedText = parsableText(text);
  const tree = parser.parse(parsedText, null, deadline ? haltAfter(deadline) : {});
  if (!tree && deadline && performance.now() > deadline.at) {
    // A halted parse would otherwise resume where it stopped on the next call.
    parser.reset();
    throw new ParseTimeoutError(deadline.limitMs);
  }
  if (!tree) throw new Error("tree-sitter-python returned no tree");
  try {
    return use(tree, parsedText, deadline && new DeadlineCheck(deadline));
  } finally {
    tree.delete();
  }
}

// tree-sitter halts when the callback returns true; the declared type forgets that it may.
function haltAfter(deadline: ParseDeadline): ParseOptions {
  const progressCallback: (state: ParseState) => boolean = () => performance.now() > deadline.at;
  return { progressCallback } as ParseOptions;
}
