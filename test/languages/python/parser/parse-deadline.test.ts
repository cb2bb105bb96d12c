import { describe, expect, it } from "vitest";
import { ParseTimeoutError } from "../../../../src/languages/python/parse-timeout-error.js";
import { scanPythonSource } from "../../../../src/languages/python/scan-python-source.js";

// The unclosed bracket at the end makes the fast scanner hand the file to tree-sitter.
const slowFile = `import os\n${"values = [1, 2, 3]\n".repeat(50_000)}tail = (\n`;

describe("the parse deadline", () => {
  it("halts a parse that runs past it, and the parser works normally afterwards", async () => {
    const halted = scanPythonSource(slowFile, 5);
    await expect(halted).rejects.toBeInstanceOf(ParseTimeoutError);
    await expect(halted).rejects.toThrow("took longer than 5 ms (ARCHDRIFT_MAX_PARSE_MS)");
    const next = await scanPythonSource("import json\nbroken = (\n", 60_000);
    expect(next.imports.map((entry) => entry.module)).toEqual(["json"]);
  });

  it("lets a parse inside it finish with every import", async () => {
    const scan = await scanPythonSource(slowFile, 60_000);
    expect(scan.imports.map((entry) => entry.module)).toEqual(["os"]);
    expect(scan.warnings.map((warning) => warning.message).join("\n")).toMatch(/syntax/i);
  });

  it("does not apply to files the fast scanner reads alone", async () => {
    const plain = `import os\n${"values = [1, 2, 3]\n".repeat(50_000)}`;
    expect((await scanPythonSource(plain, 1)).imports).toHaveLength(1);
  });
});
