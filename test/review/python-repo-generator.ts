import type { FileChanges } from "../../src/workspace/scratch-repo.js";
import type { Random } from "../support/seeded-random.js";

const domains = ["users", "orders", "payments", "catalog"];
const layers = ["api", "services", "models", "core"];
/** Names imported with `from pkg import name` that become modules when a step adds them. */
const sometimesModules = ["helpers", "utils", "events"];

/** Every path a generated repository may hold. */
const pathPool: string[] = [
  "src/shop/__init__.py",
  ...domains.flatMap((domain) => [
    `src/shop/${domain}/__init__.py`,
    ...layers.map((layer) => `src/shop/${domain}/${layer}.py`),
    ...sometimesModules.map((name) => `src/shop/${domain}/${name}.py`),
    `src/shop/${domain}/internal/__init__.py`,
    `src/shop/${domain}/internal/${layers[0]}.py`,
    `src/shop/${domain}/internal/repo.py`,
  ]),
];

export type PythonRepo = Map<string, string>;

export function initialPythonRepo(random: Random): PythonRepo {
  const repo: PythonRepo = new Map([
    ["pyproject.toml", '[project]\nname = "shop"\n'],
    [".github/archdrift.yml", 'exclude: ["tests/**"]\n'],
    ["tests/test_orders.py", "import shop.orders.api\n"],
  ]);
  for (const path of pathPool) {
    if (random.chance(0.6) || path === "src/shop/__init__.py") repo.set(path, pythonFile(random));
  }
  return repo;
}

/** One commit's worth of random changes, applied to `repo` and returned for `commitFiles`. */
export function randomPythonChange(random: Random, repo: PythonRepo): FileChanges {
  const changes: Record<string, string | null> = {};
  const set = (path: string, text: string | null) => {
    changes[path] = text;
    if (text === null) repo.delete(path);
    else repo.set(path, text);
  };
  const count = 1 + random.int(3);
  for (let i = 0; i < count; i++) {
    const existing = [...repo.keys()].filter((path) => path.endsWith(".py"));
    const absent = pathPool.filter((path) => !repo.has(path));
    const kind = random.int(9);
    if (kind === 0 && existing.length > 0) {
      const path = random.pick(existing);
      set(path, pythonFile(random));
    } else if (kind === 1 && absent.length > 0) {
      const path = random.pick(absent);
      set(path, pythonFile(random));
    } else if (kind === 2 && existing.length > 3) set(random.pick(existing), null);
    else if (kind === 3 && existing.length > 0 && absent.length > 0) {
      const from = random.pick(existing);
      const text = repo.get(from)!;
      set(from, null);
      set(random.pick(absent), text);
    } else if (kind === 4) {
      const path = random.pick(pathPool.filter((candidate) => candidate.endsWith("__init__.py")));
      set(path, repo.has(path) ? null : pythonFile(random));
    } else if (kind === 5) {
      const name = random.pick(sometimesModules);
      const path = `src/shop/${random.pick(domains)}/${name}.py`;
      set(path, repo.has(path) ? null : pythonFile(random));
    } else if (kind === 6) {
      const on = !repo.has("tools/pyproject.toml");
      set("tools/pyproject.toml", on ? '[project]\nname = "toolkit"\n' : null);
      set("tools/src/toolkit/run.py", on ? "from shop.orders import api\nimport toolkit\n" : null);
    } else if (kind === 7) {
      const path = `src/shop/${random.pick(domains)}/${random.pick(layers)}.pyi`;
      set(path, repo.has(path) ? null : "from shop.users import models\n");
    } else set(`tests/test_${random.int(5)}.py`, pythonFile(random));
  }
  return changes;
}

/** A module with imports of every form the extractor knows, aimed at modules that may not exist. */
export function pythonFile(random: Random): string {
  const lines: string[] = [];
  if (random.chance(0.3)) lines.push('"""Mentions import shop.users.api in a docstring."""');
  const statements = 1 + random.int(5);
  for (let i = 0; i < statements; i++) lines.push(...importStatement(random));
  if (random.chance(0.3)) {
    lines.push("from typing import TYPE_CHECKING", "if TYPE_CHECKING:");
    lines.push(`    from shop.${random.pick(domains)} import ${random.pick(layers)}`);
  }
  if (random.chance(0.3))
    lines.push("def later():", `    import ${absoluteName(random)}`, "    return 1");
  if (random.chance(0.2)) {
    lines.push("try:", `    from shop.${random.pick(domains)} import utils`);
    lines.push("except ImportError:", "    utils = None");
  }
  if (random.chance(0.07)) lines.push("def broken(:", "    pass");
  lines.push(`VALUE = ${random.int(1000)}`);
  return `${lines.join("\n")}\n`;
}

function importStatement(random: Random): string[] {
  const domain = random.pick(domains);
  const suppression = random.chance(0.1) ? "  # archdrift: ignore[new-cycle] legacy" : "";
  switch (random.int(8)) {
    case 0:
      return [`import ${absoluteName(random)}${suppression}`];
    case 1:
      return [
        `from shop.${domain} import ${random.pick([...layers, ...sometimesModules, "func"])}`,
      ];
    case 2:
      return [`from . import ${random.pick([...layers, ...sometimesModules])}`];
    case 3:
      return [`from .${random.pick(layers)} import Thing${suppression}`];
    case 4:
      return [`from .. import ${random.pick(domains)}`];
    case 5:
      return [`from shop.${domain} import (`, `    ${random.pick(layers)},`, "    helpers,", ")"];
    case 6:
      // Four dots climb above `shop` from any generated module.
      return random.chance(0.3)
        ? ["from .... import nowhere"]
        : [`from shop.${domain}.${random.pick(layers)} import *`];
    default:
      return [`import shop.${domain}.${random.pick(layers)} as alias, os`];
  }
}

function absoluteName(random: Random): string {
  const domain = random.pick(domains);
  return random.pick([
    `shop.${domain}`,
    `shop.${domain}.${random.pick(layers)}`,
    `shop.${domain}.internal.repo`,
    `shop.${domain}.${random.pick(sometimesModules)}`,
    `shop.${domain}.api.Thing.x`,
  ]);
}
