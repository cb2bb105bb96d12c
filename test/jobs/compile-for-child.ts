import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

const root = join(import.meta.dirname, "..", "..");
/** Inside the repository, so the compiled files find bullmq and ioredis in node_modules. */
const cacheDir = join(root, "node_modules", ".cache");

/**
 * The queue's sources as plain JavaScript, for worker processes the tests spawn and kill: vitest
 * transforms TypeScript in its own workers only. Transpiled without type checks (tsc does those),
 * from src/jobs, src/metrics and the SIGTERM handler only, so other folders' work in progress
 * cannot break these tests.
 */
export async function compileForChild(): Promise<{ dir: string; remove(): Promise<void> }> {
  await mkdir(cacheDir, { recursive: true });
  const dir = await mkdtemp(join(cacheDir, "archdrift-child-"));
  const sources = [
    ...(await tsFiles(join(root, "src", "jobs"))),
    ...(await tsFiles(join(root, "src", "metrics"))),
    join(root, "src", "github", "exit-on-sigterm.ts"),
  ];
  for (const source of sources) {
    const { outputText } = ts.transpileModule(await readFile(source, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const target = join(dir, relative(join(root, "src"), source)).replace(/\.ts$/, ".js");
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

async function tsFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((name) => name.endsWith(".ts")).map((name) => join(dir, name));
}
