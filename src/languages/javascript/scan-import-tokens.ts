import { typescript } from "./typescript-module.js";
import type { ImportStatement } from "./import-statement-of.js";
import { lineAt, lineStarts } from "./line-starts.js";
import { oneLineStatement } from "./one-line-statement.js";

export interface TokenScan {
  readonly imports: ImportStatement[];
  /** False when even the token scan failed: the file's imports are unknown. */
  readonly complete: boolean;
}

/**
 * The imports of a file the parser could not read, from TypeScript's token-level pre-processor:
 * one pass over the tokens, no tree, so no depth to overflow. It tells no kinds apart, so every
 * import counts as a runtime one, which can only make a finding appear, never hide one.
 */
export function scanImportTokens(source: string): TokenScan {
  try {
    const found = typescript.preProcessFile(source, true, true);
    const starts = lineStarts(source);
    const imports = found.importedFiles.map((reference): ImportStatement => {
      const line = lineAt(starts, reference.pos);
      const text = source.slice(starts[line - 1] ?? 0, (starts[line] ?? source.length + 1) - 1);
      return {
        specifier: reference.fileName,
        line,
        text: oneLineStatement(text, reference.fileName),
        kind: "runtime",
      };
    });
    return { imports, complete: true };
  } catch {
    return { imports: [], complete: false };
  }
}
