import type { FileChanges } from "../../src/workspace/scratch-repo.js";
import type { Random } from "../support/seeded-random.js";

const folders = ["ui", "services", "models"];
const names = ["a", "b", "c"];

const pathPool: string[] = [
  "src/config/index.ts",
  ...folders.flatMap((folder) => [
    `src/${folder}/index.ts`,
    ...names.map((name) => `src/${folder}/${name}.ts`),
    `src/${folder}/${names[0]}/index.ts`,
  ]),
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
  for (const path of pathPool) if (random.chance(0.6)) repo.set(path, typeScriptFile(random));
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
    if (kind === 0 && existing.length > 0) set(random.pick(existing), typeScriptFile(random));
    else if (kind === 1 && absent.length > 0) set(random.pick(absent), typeScriptFile(random));
    else if (existing.length > 2) set(random.pick(existing), null);
  }
  return changes;
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
      ]),
    );
  }
  lines.push("export const x = 1;", "export type T = number;");
  return `${lines.join("\n")}\n`;
}
