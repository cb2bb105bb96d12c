import { describe, expect, it } from "vitest";
import { moduleNameOf, pythonModules } from "../../../src/languages/python/module-names.js";
import { brief, graphOf } from "./python-fixture.js";

describe("Python module names", () => {
  it("src layout: a/b/c.py under root a is b.c, a package __init__ is the package", () => {
    expect(moduleNameOf("src/shop/orders/service.py", ["src"])).toEqual({
      id: "shop.orders.service",
      isPackage: false,
    });
    expect(moduleNameOf("src/shop/__init__.py", ["src"])).toEqual({ id: "shop", isPackage: true });
    expect(moduleNameOf("tests/test_shop.py", ["src"])).toBeUndefined();
  });

  it("flat layout: the repository root as '' or '.'", () => {
    expect(moduleNameOf("shop/users.py", [""])).toEqual({ id: "shop.users", isPackage: false });
    expect(moduleNameOf("setup.py", ["."])).toEqual({ id: "setup", isPackage: false });
    expect(moduleNameOf("./shop/users.py", ["./"])).toEqual({ id: "shop.users", isPackage: false });
  });

  it("a namespace package folder (no __init__.py) still names its modules", () => {
    const { modules } = pythonModules(
      ["src/shop/__init__.py", "src/shop/sansio/app.py", "src/shop/sansio/deep/x.py"],
      ["src"],
    );
    expect(modules.map((module) => module.id)).toEqual([
      "shop",
      "shop.sansio.app",
      "shop.sansio.deep.x",
    ]);
  });

  it("several roots: the deepest containing root names the file", () => {
    const roots = ["", "packages/billing/src", "packages/auth"];
    expect(moduleNameOf("packages/billing/src/billing/core.py", roots)?.id).toBe("billing.core");
    expect(moduleNameOf("packages/auth/auth/__init__.py", roots)?.id).toBe("auth");
    expect(moduleNameOf("tools/lint.py", roots)?.id).toBe("tools.lint");
  });

  it("skips files Python could not import: non-identifier segments, the root's own __init__, other files", () => {
    expect(moduleNameOf("my-scripts/release.py", [""])).toBeUndefined();
    expect(moduleNameOf("scripts/my-script-.py", [""])).toBeUndefined();
    expect(moduleNameOf(".github/scripts/release.py", [""])).toBeUndefined();
    expect(moduleNameOf("shop/foo.test.py", [""])).toBeUndefined();
    expect(moduleNameOf("src/__init__.py", ["src"])).toBeUndefined();
    expect(moduleNameOf("src/shop/README.md", ["src"])).toBeUndefined();
    expect(moduleNameOf("src/café/ünï.py", ["src"])?.id).toBe("café.ünï");
  });

  it("migrations and scripts run by path are named as is: no importable module can take those names", () => {
    expect(moduleNameOf("shop/migrations/0001_initial.py", [""])?.id).toBe(
      "shop.migrations.0001_initial",
    );
    expect(moduleNameOf("scripts/get-translator-credits.py", [""])?.id).toBe(
      "scripts.get-translator-credits",
    );
    expect(moduleNameOf("images/migrations/0020_add-verbose-name.py", [""])?.id).toBe(
      "images.migrations.0020_add-verbose-name",
    );
    expect(moduleNameOf("shop/0001/models.py", [""])).toBeUndefined();
    expect(moduleNameOf("shop/0001_initial/__init__.py", [""])).toBeUndefined();
  });

  it("a .pyi stub counts like .py, but the .py wins when both exist", () => {
    const { modules, warnings } = pythonModules(
      ["src/shop/api.pyi", "src/shop/api.py", "src/shop/stubbed.pyi"],
      ["src"],
    );
    expect(modules).toEqual([
      { id: "shop.api", path: "src/shop/api.py", isPackage: false },
      { id: "shop.stubbed", path: "src/shop/stubbed.pyi", isPackage: false },
    ]);
    expect(warnings).toEqual([]);
  });

  it("two files claiming one module: Python's choice wins and the other is reported", () => {
    const { modules, warnings, unreviewed } = pythonModules(
      ["shop/__init__.py", "src/shop/__init__.py", "src/shop/util.py", "src/shop/util/__init__.py"],
      ["src", ""],
    );
    expect(modules.map((module) => module.path)).toEqual([
      "src/shop/__init__.py",
      "src/shop/util/__init__.py",
    ]);
    expect(warnings.map((warning) => warning.file)).toEqual([
      "shop/__init__.py",
      "src/shop/util.py",
    ]);
    expect(unreviewed.map((file) => file.file)).toEqual(["shop/__init__.py", "src/shop/util.py"]);
  });

  it("sibling roots that both define a package are namespaces: each service has its own app", () => {
    const { modules, warnings } = pythonModules(
      [
        "services/orders/app/models.py",
        "services/users/src/app/models.py",
        "services/mail/notify/__init__.py",
        "shared/db.py",
      ],
      ["", "services/orders", "services/users/src", "services/mail"],
    );
    expect(modules).toEqual([
      { id: "notify", path: "services/mail/notify/__init__.py", isPackage: true },
      {
        id: "orders: app.models",
        path: "services/orders/app/models.py",
        isPackage: false,
        namespace: "orders",
      },
      { id: "shared.db", path: "shared/db.py", isPackage: false },
      {
        id: "users: app.models",
        path: "services/users/src/app/models.py",
        isPackage: false,
        namespace: "users",
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it("extractPython lists modules sorted, with paths and language", async () => {
    const graph = await graphOf({
      "src/shop/orders.py": "from shop import users\n",
      "src/shop/users.py": "",
      "src/shop/__init__.py": "",
      "docs/conf.py": "import shop\n",
    });
    expect(graph.modules).toEqual([
      { id: "shop", path: "src/shop/__init__.py", language: "python" },
      { id: "shop.orders", path: "src/shop/orders.py", language: "python" },
      { id: "shop.users", path: "src/shop/users.py", language: "python" },
    ]);
    expect(brief(graph.edges)).toEqual([
      { from: "shop.orders", to: "shop.users", line: 1, kind: "runtime" },
    ]);
  });
});
