import { describe, expect, it } from "vitest";
import { brief, graphOf, service, serviceGraph, shop } from "./python-fixture.js";

// One test per row of DESIGN.md's "Python import semantics" table, in the table's order.
describe("Python import semantics (DESIGN.md table)", () => {
  it("import shop.payments.api -> shop.payments.api", async () => {
    const graph = await serviceGraph("import shop.payments.api\n");
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.payments.api", line: 1, kind: "runtime" },
    ]);
    expect(graph.edges[0]?.text).toBe("import shop.payments.api");
    expect(graph.edges[0]?.file).toBe("src/shop/orders/service.py");
    expect(graph.warnings).toEqual([]);
  });

  it("import shop.payments.api as p, import a, b.c -> the named modules, one edge each", async () => {
    const graph = await serviceGraph(
      "import shop.payments.api as p\nimport shop.users, shop.orders.models as m\n",
    );
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.payments.api", line: 1, kind: "runtime" },
      { from: service, to: "shop.users", line: 2, kind: "runtime" },
      { from: service, to: "shop.orders.models", line: 2, kind: "runtime" },
    ]);
    expect(graph.edges[1]?.text).toBe("import shop.users, shop.orders.models as m");
  });

  it("from shop.payments import api -> shop.payments.api if that module exists", async () => {
    const graph = await serviceGraph("from shop.payments import api\n");
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.payments.api", line: 1, kind: "runtime" },
    ]);
  });

  it("from shop.payments import api -> else shop.payments", async () => {
    const graph = await serviceGraph("from shop.payments import charge, refund\n");
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.payments", line: 1, kind: "runtime" },
    ]);
  });

  it("from . import models / from .models import X -> shop.orders.models", async () => {
    const graph = await serviceGraph("from . import models\nfrom .models import Order\n");
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.orders.models", line: 1, kind: "runtime" },
      { from: service, to: "shop.orders.models", line: 2, kind: "runtime" },
    ]);
  });

  it("from .. import users -> shop.users if it exists", async () => {
    const graph = await serviceGraph("from .. import users\n");
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.users", line: 1, kind: "runtime" },
    ]);
  });

  it("from .. import users -> else shop", async () => {
    const graph = await serviceGraph("from .. import users\n", { "src/shop/users.py": undefined });
    expect(brief(graph.edges)).toEqual([{ from: service, to: "shop", line: 1, kind: "runtime" }]);
  });

  it("from shop.payments import * -> shop.payments", async () => {
    const graph = await serviceGraph("from shop.payments import *\n");
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.payments", line: 1, kind: "runtime" },
    ]);
  });

  it("multi-line parenthesised imports, backslash continuations -> same as one line; the line is where the statement starts", async () => {
    const source = [
      "x = 1",
      "from shop.payments import (",
      "    api,  # the public one",
      "    charge,",
      ")",
      "import shop.orders.\\",
      "    models",
      "from shop.users \\",
      "    import User",
    ].join("\n");
    const graph = await serviceGraph(source);
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.payments.api", line: 2, kind: "runtime" },
      { from: service, to: "shop.payments", line: 2, kind: "runtime" },
      { from: service, to: "shop.orders.models", line: 6, kind: "runtime" },
      { from: service, to: "shop.users", line: 8, kind: "runtime" },
    ]);
    expect(graph.edges.map((edge) => edge.text)).toEqual([
      "from shop.payments import (api, charge,)",
      "from shop.payments import (api, charge,)",
      "import shop.orders.models",
      "from shop.users import User",
    ]);
  });

  it("import inside a function -> an edge, marked lazy", async () => {
    const source = [
      "def f():",
      "    import shop.users",
      "class C:",
      "    import shop.payments.api",
      "    def method(self):",
      "        def inner():",
      "            from . import models",
      "handler = lambda: __import__('shop.users')",
    ].join("\n");
    const graph = await serviceGraph(source);
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.users", line: 2, kind: "lazy" },
      { from: service, to: "shop.payments.api", line: 4, kind: "runtime" },
      { from: service, to: "shop.orders.models", line: 7, kind: "lazy" },
    ]);
  });

  it("under if TYPE_CHECKING: -> an edge, marked type-only", async () => {
    const source = [
      "from typing import TYPE_CHECKING",
      "import typing, typing as t",
      "if TYPE_CHECKING:",
      "    from shop.users import User",
      "if typing.TYPE_CHECKING:",
      "    import shop.payments.api",
      "if t.TYPE_CHECKING:",
      "    from . import models",
      "def f():",
      "    if TYPE_CHECKING:",
      "        import shop",
    ].join("\n");
    const graph = await serviceGraph(source);
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.users", line: 4, kind: "type-only" },
      { from: service, to: "shop.payments.api", line: 6, kind: "type-only" },
      { from: service, to: "shop.orders.models", line: 8, kind: "type-only" },
      { from: service, to: "shop", line: 11, kind: "type-only" },
    ]);
  });

  it("inside try: ... except ImportError: -> an edge", async () => {
    const source = [
      "try:",
      "    from shop.payments import api",
      "except ImportError:",
      "    from shop import users as api",
    ].join("\n");
    const graph = await serviceGraph(source);
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.payments.api", line: 2, kind: "runtime" },
      { from: service, to: "shop.users", line: 4, kind: "runtime" },
    ]);
  });

  it("import os, import requests -> external, not an internal edge", async () => {
    const graph = await serviceGraph(
      "import os\nimport requests\nfrom os import path\nimport os.path\nfrom collections.abc import Mapping\n",
    );
    expect(graph.edges).toEqual([]);
    expect(graph.warnings).toEqual([]);
  });

  it("the word import inside strings, comments, docstrings -> nothing", async () => {
    const source = [
      '"""Module docstring: import shop.users"""',
      "# import shop.users",
      "x = 'import shop.users'",
      'y = f"from shop import {users}"',
      "def f():",
      "    '''from shop import users'''",
      '    return """',
      "import shop.users",
      '"""',
    ].join("\n");
    const graph = await serviceGraph(source);
    expect(graph.edges).toEqual([]);
    expect(graph.warnings).toEqual([]);
  });

  it("from shop.payments.api.Thing import x (Thing is a class in api) -> no edge", async () => {
    const graph = await serviceGraph("from shop.payments.api.Thing import x\n");
    expect(graph.edges).toEqual([]);
  });

  it("under if TYPE_CHECKING: ... else: -> the else branch is runtime", async () => {
    const source = [
      "if TYPE_CHECKING:",
      "    from shop.users import User",
      "elif sys.version_info > (3, 12):",
      "    from shop.payments import api",
      "else:",
      "    from . import models",
    ].join("\n");
    const graph = await serviceGraph(source);
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.users", line: 2, kind: "type-only" },
      { from: service, to: "shop.payments.api", line: 4, kind: "runtime" },
      { from: service, to: "shop.orders.models", line: 6, kind: "runtime" },
    ]);
  });

  it("a folder without __init__.py inside a package (PEP 420) -> its modules count", async () => {
    const graph = await graphOf({
      ...shop,
      "src/shop/orders/service.py": "from shop.payments.gateways import stripe\n",
      "src/shop/payments/gateways/stripe.py": "from shop.payments import api\n",
    });
    expect(graph.modules.map((module) => module.id)).toContain("shop.payments.gateways.stripe");
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.payments.gateways.stripe", line: 1, kind: "runtime" },
      {
        from: "shop.payments.gateways.stripe",
        to: "shop.payments.api",
        line: 1,
        kind: "runtime",
      },
    ]);
  });

  it("Python 3.12+ syntax (PEP 695 generics, t-strings), lazy import x (PEP 810) -> parsed; a lazy import is a lazy edge", async () => {
    const source = [
      "type Pair[T] = tuple[T, T]",
      "class Box[T]:",
      "    def get[U](self, default: U) -> T | U: ...",
      "greeting = t'hello {name}'",
      "lazy import shop.users",
      "lazy from shop.payments import api",
      "import shop.orders.models",
    ].join("\n");
    const graph = await serviceGraph(source);
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.users", line: 5, kind: "lazy" },
      { from: service, to: "shop.payments.api", line: 6, kind: "lazy" },
      { from: service, to: "shop.orders.models", line: 7, kind: "runtime" },
    ]);
    expect(graph.edges[0]?.text).toBe("lazy import shop.users");
    expect(graph.warnings).toEqual([]);
  });

  it("a relative import that climbs above the root -> a warning; the rest of the file still counts", async () => {
    const graph = await serviceGraph("from ... import settings\nfrom shop import users\n");
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.users", line: 2, kind: "runtime" },
    ]);
    expect(graph.warnings).toEqual([
      {
        file: "src/shop/orders/service.py",
        line: 1,
        message: "relative import climbs above the source root: from ... import settings",
      },
    ]);
  });

  it("a syntax error -> a warning; the rest of the file still counts", async () => {
    const source = [
      "import shop.users",
      "def broken(:",
      "    pass",
      "from shop.payments import api",
      "x = (1,",
    ].join("\n");
    const graph = await serviceGraph(source);
    expect(brief(graph.edges)).toEqual([
      { from: service, to: "shop.users", line: 1, kind: "runtime" },
      { from: service, to: "shop.payments.api", line: 4, kind: "runtime" },
    ]);
    expect(graph.warnings).toHaveLength(1);
    expect(graph.warnings[0]).toMatchObject({ file: "src/shop/orders/service.py", line: 2 });
    expect(graph.warnings[0]?.message).toMatch(/^syntax error/);
  });
});
