import { execFile } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { extractPython } from "../src/languages/python/extract-python.js";
import type { BenchRepo } from "./bench-repo.js";
import { benchSourceDir } from "./bench-paths.js";

export interface Throughput {
  readonly seconds: number;
  readonly megabytesPerSecond: number;
  readonly edges: number;
}

export interface ExtractionComparison {
  readonly files: number;
  readonly megabytes: number;
  readonly archdrift: Throughput;
  readonly ast: Throughput;
}

const run = promisify(execFile);

/**
 * A full Python graph two ways over the same files, both timed from text in memory to resolved
 * edges: archdrift's extractor, and CPython's `ast` module doing what grimp does.
 */
export async function measurePythonExtraction(repo: BenchRepo): Promise<ExtractionComparison> {
  const files = [...repo.sources].map(([path, text]) => ({ path, text }));
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  // One small file first: the wasm grammar loads once per process, as Python's startup is not timed.
  await extractPython([{ path: "src/warm/__init__.py", text: "import os\n" }], ["src"]);
  const started = performance.now();
  const graph = await extractPython(files, ["src"]);
  const seconds = (performance.now() - started) / 1000;
  const ast = await astExtraction(join(repo.dir, "src"));
  return {
    files: files.length,
    megabytes: bytes / 1e6,
    archdrift: { seconds, megabytesPerSecond: bytes / 1e6 / seconds, edges: graph.edges.length },
    ast: {
      seconds: ast.seconds,
      megabytesPerSecond: ast.bytes / 1e6 / ast.seconds,
      edges: ast.edges,
    },
  };
}

async function astExtraction(root: string) {
  const script = join(benchSourceDir(), "python-ast-imports.py");
  const { stdout } = await run("python3", [script, root], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as { files: number; bytes: number; seconds: number; edges: number };
}
