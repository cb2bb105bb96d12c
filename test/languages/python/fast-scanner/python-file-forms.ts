/** The statements generated Python files are made of, each with the traps it sets for a scanner. */
import type { Random } from "../../../support/seeded-random.js";

export const names = [
  "shop",
  "orders",
  "models",
  "api",
  "users",
  "café",
  "名前",
  "ñandú",
  "x1",
  "_private",
];
export const conditions = [
  "TYPE_CHECKING",
  "TYPE_CHECKING",
  "typing.TYPE_CHECKING",
  "t.TYPE_CHECKING",
  "not TYPE_CHECKING",
  "(TYPE_CHECKING)",
  "not (TYPE_CHECKING)",
  "(not typing.TYPE_CHECKING)",
  "sys.version_info >= (3, 12)",
  "x",
];

/** TYPE_CHECKING in a bigger expression now and then: the scanner answers some, defers others. */
export function condition(random: Random): string {
  if (random.chance(0.005))
    return random.pick([
      "TYPE_CHECKING and x",
      "TYPE_CHECKING is True",
      "x and TYPE_CHECKING",
      "f().TYPE_CHECKING",
    ]);
  return random.pick(conditions);
}

export function dotted(random: Random): string {
  return Array.from({ length: 1 + random.int(3) }, () => random.pick(names)).join(".");
}

export function importLines(random: Random): string[] {
  const suppression = random.pick([
    "",
    "",
    "",
    "  # archdrift: ignore[new-cycle] legacy",
    "  # archdrift: ignore",
    "  # archdrift: ignore[] why",
    "  # noqa: F401",
  ]);
  const module = dotted(random);
  const forms = [
    [`import ${module}${suppression}`],
    [`import ${module} as alias, ${dotted(random)}`],
    [`from ${module} import ${random.pick(names)}, ${random.pick(names)} as other${suppression}`],
    [`from ${".".repeat(1 + random.int(3))} import ${random.pick(names)}`],
    [`from .${module} import *`],
    [`from ...${module} import ${random.pick(names)}`],
    [
      `from ${module} import (`,
      `    ${random.pick(names)},  # why${suppression}`,
      `    ${random.pick(names)},`,
      ")",
    ],
    [`from ${module} import (${random.pick(names)} as a,`, `        ${random.pick(names)})`],
    [`import ${random.pick(names)}.\\`, `    ${random.pick(names)}`],
    [`from ${module} \\`, `    import ${random.pick(names)}`],
    ["from __future__ import annotations"],
    [`lazy import ${module}`],
    [`lazy from ${module} import ${random.pick(names)}`],
    [`import ${module}; import ${dotted(random)}`],
    [`x = 1; from ${module} import y;`],
    ["# archdrift: ignore[layer-violation] moving", `import ${module}`],
  ];
  return random.pick(forms);
}

export function simpleLines(random: Random): string[] {
  // Python 3.12 nesting of the same quote: left to the parser, so rare here.
  if (random.chance(0.002)) return ['s = f"{\'nested\'} {"{{literal}}"} {d["k"]}"'];
  const forms = [
    ['x = "import shop.users"'],
    ["y = 'from shop import users  # no'"],
    ['z = r"\\" import x" + b\'\\\'\' + Rb"a" + bR"b" + U"u"'],
    ["s = f\"from {shop!r:>{width}} import {users['a']}\" + F'{x + 1}' + rf\"{y}\\d\""],
    ["s = f'{x!r} {y:>{width}.{precision}} {\"q\"}' + f'''{'a'} {d['k']}'''"],
    ['greeting = t"hello {name}" + Tr"raw {x}"'],
    ['doc = """', "import shop.users", "from shop import (", '"""'],
    ["doc = '''from x import y'''"],
    ["total = (1 +", "         2)  # import shop"],
    ["value = 1 + \\", "    2"],
    ["items = [i for i in range(10) if i % 2]"],
    ["mapping = {k: v for k, v in pairs.items()}"],
    ["settings = {", '    "a": (1,),', "    **base,", '    "b": {"c": [1, 2,]},', "}"],
    ["members = {1, *others, 3,}"],
    ["handler = lambda a, *b, **c: (a, b, c)"],
    ["if (n := len(items)) > 3: pass"],
    ["result: dict[str, int] = {}"],
    ["café = 名前 = ñandú = 0x1F + 1_000 + 3.5e-2 + 2j"],
    ["a, *rest = items[1:], items[::2]"],
    ["print(x, file=sys.stderr)"],
    ["assert x, 'message'"],
    ["del items[0]"],
    ["x = yield"],
    ["raise ValueError('no') from None"],
    ["type Pair[T] = tuple[T, T]"],
    ["pass"],
  ];
  return random.pick(forms);
}

export function comment(random: Random): string {
  return random.pick([
    "# import shop.users",
    "# archdrift: ignore[new-cycle] standalone",
    "#",
    "# é",
  ]);
}
