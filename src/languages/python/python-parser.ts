import { createRequire } from "node:module";
import { Language, Parser, type Tree } from "web-tree-sitter";

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
 */
export async function withPythonTree<T>(
  text: string,
  use: (tree: Tree, parsedText: string) => T,
): Promise<T> {
  const parser = await pythonParser();
  const parsedText = parsableText(text);
  const tree = parser.parse(parsedText);
  if (!tree) throw new Error("tree-sitter-python returned no tree");
  try {
    return use(tree, parsedText);
  } finally {
    tree.delete();
  }
}

/**
 * The grammar's scanner takes a NUL character for the end of input, which would silently drop the
 * rest of the file. A space has the same length, so every position stays valid.
 */
export function parsableText(text: string): string {
  return text.includes("\0") ? text.replaceAll("\0", " ") : text;
}
