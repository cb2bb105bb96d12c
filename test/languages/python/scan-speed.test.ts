import { describe, expect, it } from "vitest";
import { scanPythonSource } from "../../../src/languages/python/scan-python-source.js";
import { mirrorPythonFiles } from "./mirror-python-files.js";

// A measurement, not a check: run with ARCHDRIFT_BENCH=1 on a machine that has the saleor mirror.
const files = process.env["ARCHDRIFT_BENCH"] ? mirrorPythonFiles("saleor+saleor") : undefined;

describe.skipIf(files === undefined)("scanPythonSource speed over saleor", () => {
  it("reports MB/s on one thread", async () => {
    const corpus = files ?? [];
    const bytes = corpus.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
    await scanPythonSource("import x\n");
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      for (const file of corpus) await scanPythonSource(file.text);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${corpus.length} files, ${(bytes / 1e6).toFixed(1)} MB: ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`,
      );
    }
    expect(corpus.length).toBeGreaterThan(0);
  });
});
