import type { FileChanges } from "../../src/workspace/scratch-repo.js";
import type { Random } from "../support/seeded-random.js";

const folders = ["ui", "services", "models"];
const names = ["a", "b", "c"];

/**
 * Besides modules: files whose presence decides where an import goes without being modules (a
 * JSON module named without its extension, a component of another framework, a test the defaults
 * exclude) and a stylesheet, whose absence is no warning.
 */
const otherFiles = ["src/data.json", "src/ui/view.vue", "src/tests/helper.ts", "src/ui/a.css"];

const pathPool: string[] = [
  "src/config/index.ts",
  ...folders.flatMap((folder) => [
    `src/${folder}/index.ts`,
    ...names.map((name) => `src/${folder}/${name}.ts`),
    `src/${folder}/${names[0]}/index.ts`,
  ]),
  ...otherFiles,
];

export type TypeScriptRepo = Map<string, string>;

export function initialTypeScriptRepo(random: Random): TypeScriptRepo {
  const repo: TypeScriptRepo = new Map([
    ["package.json", JSON.stringify({ name: "web", type: "module" })],
    [
      "tsconfig.json",
      JSON.stringify({
        compilerOptions: {
          baseUrl: ".",
          paths: { "@app/*": ["src/*"], config: ["src/config/index.ts"] },
        },
      }),
    ],
  ]);
  for (const path of pathPool) if (random.chance(0.6)) repo.set(path, fileAt(path, random));
  return repo;
}

export function randomTypeScriptChange(random: Random, repo: TypeScriptRepo): FileChanges {
  const changes: Record<string, string | null> = {};
  const set = (path: string, text: string | null) => {
    changes[path] = text;
    if (text === null) repo.delete(path);
    else repo.set(path, text);
  };
  const count = 1 + random.int(2);
  for (let i = 0; i < count; i++) {
    const existing = pathPool.filter((path) => repo.has(path));
    const absent = pathPool.filter((path) => !repo.has(path));
    const kind = random.int(3);
    if (kind === 0 && existing.length > 0) {
      const path = random.pick(existing);
      set(path, fileAt(path, random));
    } else if (kind === 1 && absent.length > 0) {
      const path = random.pick(absent);
      set(path, fileAt(path, random));
    } else if (existing.length > 2) set(random.pick(existing), null);
  }
  return changes;
}

function fileAt(path: string, random: Random): string {
  if (path.endsWith(".json")) return `{ "n": ${random.int(100)} }\n`;
  if (path.endsWith(".css")) return `.a { order: ${random.int(100)}; }\n`;
  if (path.endsWith(".vue")) return `<template><p>${random.int(100)}</p></template>\n`;
  return typeScriptFile(random);
}

function typeScriptFile(random: Random): string {
  const lines: string[] = [];
  const statements = 1 + random.int(4);
  for (let i = 0; i < statements; i++) {
    const folder = random.pick(folders);
    const name = random.pick(names);
    lines.push(
      random.pick([
        `import { x as x${i} } from "./${name}";`,
        `import { x as x${i} } from "../${folder}/${name}.js";`,
        `import { x as x${i} } from "@app/${folder}/${name}";`,
        `import * as x${i} from "@app/${folder}";`,
        `import type { T as x${i} } from "../${folder}";`,
        `import { x as x${i} } from "config";`,
        `const x${i} = await import("./${name}");`,
        `import x${i} from "react";`,
        `import x${i} from "../data";`,
        `import x${i} from "../ui/view.vue";`,
        `import { x as x${i} } from "../tests/helper";`,
        `import x${i} from "./${name}.css";`,
      ]),
    );
  }
  lines.push("export const x = 1;", "export type T = number;");
  return `${lines.join("\n")}\n`;
}
