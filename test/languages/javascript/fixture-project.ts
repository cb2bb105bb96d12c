import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import type { Edge, Graph } from "../../../src/graph/graph.js";

const created: string[] = [];

afterEach(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes a project into a fresh temporary folder, removed after the test. */
export function fixtureProject(files: Readonly<Record<string, string>>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "archdrift-js-"));
  created.push(dir);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** The JS and TS files of a fixture, as the caller of the extractor would list them. */
export function sourceFiles(files: Readonly<Record<string, string>>): string[] {
  return Object.keys(files).filter((file) => /\.[cm]?[jt]sx?$/.test(file));
}

/** Edges reduced to what most assertions compare. */
export function edgeSummary(graph: Graph): Pick<Edge, "from" | "to" | "line" | "kind">[] {
  return graph.edges
    .map(({ from, to, line, kind }) => ({ from, to, line, kind }))
    .sort((left, right) => left.from.localeCompare(right.from) || left.line - right.line);
}
