import { describe, expect, it } from "vitest";
import { scanImportsFast } from "../../../../src/languages/python/fast-scanner/scan-imports-fast.js";
import { generatePythonFile } from "./python-file-generator.js";
import { differential } from "./scan-differential.js";

describe("the fast import scanner against the parser on generated files", () => {
  // 2,000 files through tree-sitter too: 78 s on a loaded 2-core machine.
  it(
    "well-formed files: identical scans, and most files need no fallback",
    { timeout: 240_000 },
    async () => {
      const files = Array.from({ length: 2000 }, (_, seed) => ({
        name: `seed ${seed}`,
        text: generatePythonFile(seed, false),
      }));
      const result = await differential(files);
      expect(result.mismatches.slice(0, 2)).toEqual([]);
      // The generator writes a few constructs the scanner leaves to the parser on purpose.
      expect(result.fallbacks.length).toBeLessThan(files.length / 5);
    },
  );

  // Each file is parsed by tree-sitter too: on a loaded 2-core CI machine 6,000 took over a minute.
  it("mutated files: identical scans or a fallback", { timeout: 240_000 }, async () => {
    const files = Array.from({ length: 4000 }, (_, seed) => ({
      name: `seed ${seed}`,
      text: generatePythonFile(seed, true),
    }));
    const result = await differential(files);
    expect(result.mismatches.slice(0, 2)).toEqual([]);
  });
});

describe("the fast import scanner leaves to the parser", () => {
  it.each([
    ["a syntax error", "import a\ndef broken(:\n    pass\n"],
    ["unbalanced brackets", "from a import (b,\nimport c\n"],
    ["an unterminated string", "x = 'abc\nimport a\n"],
    ["tabs and spaces that only columns could compare", "if x:\n\tpass\n        pass\n"],
    ["an unexpected indent", "x = 1\n  import y\n"],
    ["a header without a body", "if x:\nimport y\n"],
    ["a Python 2 print statement", 'print "x"\nimport a\n'],
    ["Python 3.12 nesting of the same quote", 'x = f"{a["b"]}"\n'],
    ["a larger condition ending in TYPE_CHECKING", "if x and TYPE_CHECKING:\n    import a\n"],
    ["a comment inside a TYPE_CHECKING condition", "if (TYPE_CHECKING  # c\n):\n    import a\n"],
    ["a lone carriage return", "x = 1\r y = 2\n"],
    ["type parameter defaults (PEP 696)", "class A[T = int]: pass\n"],
    ["a trailing comma after unparenthesised names", "from a import b,\n"],
  ])("%s", (_, text) => {
    expect(scanImportsFast(text)).toBeUndefined();
  });

  it("answers a condition the parser does not read as the guard (runtime imports)", () => {
    const scan = scanImportsFast("if TYPE_CHECKING is True:\n    import a\n");
    expect(scan?.imports.map((entry) => [entry.module, entry.edgeKind])).toEqual([
      ["a", "runtime"],
    ]);
  });

  it("answers plain files itself", () => {
    expect(scanImportsFast("if TYPE_CHECKING:\n    from . import models\n")?.imports).toEqual([
      {
        kind: "from",
        module: "",
        level: 1,
        names: ["models"],
        line: 2,
        text: "from . import models",
        edgeKind: "type-only",
      },
    ]);
  });
});
