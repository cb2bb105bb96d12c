import { comment, condition, importLines, names, simpleLines } from "./python-file-forms.js";
import { seededRandom, type Random } from "../../../support/seeded-random.js";

/**
 * Seeded random Python files for the differential test: every construct the fast scanner has to
 * read as the parser does, nested, with CRLF or tab indentation now and then, and optionally one
 * random mutation that usually breaks the file (the scanner must then fall back, or still agree).
 */
export function generatePythonFile(seed: number, mutate: boolean): string {
  const random = seededRandom(seed);
  const lines: Line[] = [];
  const unit = random.chance(0.15) ? "\t" : random.pick(["    ", "  "]);
  emitBlock(random, lines, 0, 3, "module");
  let text = lines.map(({ indent, text: line }) => unit.repeat(indent) + line).join("\n");
  if (random.chance(0.5)) text += "\n";
  if (random.chance(0.2)) text = text.replaceAll("\n", "\r\n");
  return mutate ? mutation(random, text) : text;
}

interface Line {
  readonly indent: number;
  readonly text: string;
}

type Scope = "module" | "class" | "function";

function emitBlock(random: Random, out: Line[], indent: number, depth: number, scope: Scope): void {
  const count = 1 + random.int(depth > 0 ? 6 : 4);
  for (let i = 0; i < count; i++) emitStatement(random, out, indent, depth, scope);
}

function emitStatement(
  random: Random,
  out: Line[],
  indent: number,
  depth: number,
  scope: Scope,
): void {
  const roll = random.int(depth > 0 ? 10 : 6);
  if (roll < 3) out.push(...importLines(random).map((text) => ({ indent, text })));
  else if (roll < 6) out.push(...simpleLines(random).map((text) => ({ indent, text })));
  else emitCompound(random, out, indent, depth - 1, scope);
  if (random.chance(0.15)) out.push({ indent: random.int(indent + 2), text: comment(random) });
  if (random.chance(0.15)) out.push({ indent: 0, text: random.pick(["", "   ", "\t"]) });
}

function emitCompound(
  random: Random,
  out: Line[],
  indent: number,
  depth: number,
  scope: Scope,
): void {
  const kind = random.int(9);
  const body = (header: string, bodyScope: Scope = scope): void => {
    if (random.chance(0.15)) {
      const [first, ...more] = importLines(random);
      out.push({ indent, text: `${header} ${more.length === 0 ? first : "pass"}` });
      return;
    }
    out.push({ indent, text: header });
    emitBlock(random, out, indent + 1, depth, bodyScope);
  };
  if (kind === 0) {
    if (random.chance(0.4)) out.push({ indent, text: "@decorator(arg=1)" });
    body(
      `${random.pick(["", "async "])}def ${random.pick(names)}[T](self, a: T = 1, /, *, b) -> T:`,
      "function",
    );
  } else if (kind === 1) body(`class ${random.pick(names)}(Base, metaclass=Meta):`, "class");
  else if (kind <= 4) {
    body(`if ${condition(random)}:`);
    if (random.chance(0.5)) body(`elif ${condition(random)}:`);
    if (random.chance(0.6)) body("else:");
  } else if (kind === 5) {
    body("try:");
    body(`except ${random.pick(["ImportError", "(A, B) as e", "* ExceptionGroup"])}:`);
    if (random.chance(0.4)) body("else:");
    if (random.chance(0.4)) body("finally:");
  } else if (kind === 6) {
    body(random.pick(["for i in range(3):", "while running:", "async for x in y:"]));
    if (random.chance(0.3)) body("else:");
  } else if (kind === 7) body(random.pick(["with open(p) as f, lock:", "async with a as b:"]));
  else {
    out.push({ indent, text: "match command:" });
    for (const pattern of ["[x, *rest]", '{"k": v, **kw} if v', "Point(x=0) | None as p", "_"]) {
      out.push({ indent: indent + 1, text: `case ${pattern}:` });
      emitBlock(random, out, indent + 2, depth, scope);
    }
  }
}

const noise = [
  "(",
  ")",
  "[",
  "]",
  ":",
  "'",
  '"',
  "\\",
  "#",
  ",",
  ".",
  "=",
  " ",
  "\t",
  "\n",
  "import",
  "lazy ",
];

/** One random edit: delete or insert a character or word, duplicate a line or change its indent. */
function mutation(random: Random, text: string): string {
  const at = random.int(text.length + 1);
  switch (random.int(4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + random.int(3));
    case 1:
      return text.slice(0, at) + random.pick(noise) + text.slice(at);
    case 2: {
      const lines = text.split("\n");
      const line = random.int(lines.length);
      lines.splice(line, 0, lines[line] ?? "");
      return lines.join("\n");
    }
    default: {
      const lines = text.split("\n");
      const line = random.int(lines.length);
      lines[line] = random.pick([" ", "\t", ""]) + (lines[line] ?? "").replace(/^[ \t]{0,2}/, "");
      return lines.join("\n");
    }
  }
}
