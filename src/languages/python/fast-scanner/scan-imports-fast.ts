import { collapseStatement } from "../collapse-statement.js";
import { parsableText } from "../parsable-text.js";
import type { FileScan, PythonEdgeKind, RawImport } from "../raw-import.js";
import { suppressionsOf, type SuppressionComments } from "../suppression-comments.js";
import { fastImportStatements, type FastImport } from "./fast-import-statements.js";
import { tokenizePython } from "./tokenize-python.js";

/**
 * The same `FileScan` as `scanPythonSource`, from a single pass over the text with no syntax tree:
 * several times faster than parsing, which is what full extraction of a large repository needs.
 * Undefined when the scanner is not sure the file is free of syntax errors or reads it as the
 * parser would (see `tokenizePython`, `fastImportStatements`): the caller then parses the file.
 * It never produces a syntax-error warning; those come from the parser alone.
 */
export function scanImportsFast(source: string): FileScan | undefined {
  // The parser sees NULs as spaces (see `parsableText`); offsets and lines stay the same.
  const text = parsableText(source);
  const tokens = tokenizePython(text);
  if (!tokens) return undefined;
  const statements = fastImportStatements(tokens, text);
  if (!statements) return undefined;
  const lines = new LineIndex(text);
  const comments = suppressionsOf(
    tokens.directiveComments.map(([start, end]) => ({
      text: text.slice(start, end),
      line: lines.lineOf(start),
      start,
    })),
    text,
  );
  const imports: RawImport[] = [];
  for (const statement of statements) {
    const start = tokens.starts[statement.from] ?? 0;
    const end = tokens.ends[statement.to - 1] ?? start;
    // One statement may import 100,000 names: never spread them as call arguments.
    for (const found of rawImports(
      statement,
      text.slice(start, end),
      lines,
      start,
      end,
      comments,
    )) {
      imports.push(found);
    }
  }
  return { imports, warnings: comments.warnings };
}

function rawImports(
  statement: FastImport,
  source: string,
  lines: LineIndex,
  start: number,
  end: number,
  comments: SuppressionComments,
): RawImport[] {
  const { parts } = statement;
  if (parts.kind === "from" && parts.level === 0 && parts.modules[0] === "__future__") return [];
  const line = lines.lineOf(start);
  // An import holds no strings, so every `#` in it starts a comment, which runs to the line break.
  const text = collapseStatement(source.includes("#") ? source.replace(/#[^\n]*/g, "") : source);
  const suppression = comments.forStatement(line, lines.lineOf(end));
  const common = {
    line,
    text: statement.lazyKeyword ? `lazy ${text}` : text,
    edgeKind: edgeKind(statement),
    ...(suppression ? { suppression } : {}),
  };
  if (parts.kind === "import") {
    return parts.modules.map((module) => ({
      kind: "import",
      module,
      level: 0,
      names: [],
      ...common,
    }));
  }
  const [module = ""] = parts.modules;
  return [{ kind: "from", module, level: parts.level, names: parts.names, ...common }];
}

/** As in `scanImports`: never-run beats run-later. */
function edgeKind({ context, lazyKeyword }: FastImport): PythonEdgeKind {
  if (context.typeOnly) return "type-only";
  return context.lazy || lazyKeyword ? "lazy" : "runtime";
}

/** 1-based line numbers of offsets, counting `\n` as tree-sitter does; built on first use. */
class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    this.starts ??= lineStarts(this.text);
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
  return starts;
}
