import { describe, expect, test } from "vitest";
import { inferPythonRoots } from "../../src/policy/infer-python-roots.js";

const none = new Map<string, string>();

describe("inferPythonRoots from layout", () => {
  test("src layout", () => {
    const files = ["src/shop/__init__.py", "src/shop/orders/models.py", "noxfile.py"];
    expect(inferPythonRoots(files, none)).toEqual(["src"]);
  });

  test("flat layout", () => {
    const files = ["manage.py", "saleor/__init__.py", "saleor/order/models.py"];
    expect(inferPythonRoots(files, none)).toEqual([""]);
  });

  test("src layout wins over stray top-level tooling", () => {
    const files = ["setup.py", "conftest.py", "src/flask/__init__.py", "src/flask/sansio/app.py"];
    expect(inferPythonRoots(files, none)).toEqual(["src"]);
  });

  test("loose scripts fall back to the repository root", () => {
    expect(inferPythonRoots(["scripts/release.py"], none)).toEqual([""]);
  });

  test("no Python, no roots", () => {
    expect(inferPythonRoots([], none)).toEqual([]);
  });
});

describe("inferPythonRoots from packaging metadata", () => {
  const files = ["lib/shop/__init__.py", "lib/shop/orders.py", "tools/gen.py"];

  test("setuptools packages.find where", () => {
    const metadata = new Map([
      ["pyproject.toml", '[tool.setuptools.packages.find]\nwhere = ["lib"]\n'],
    ]);
    expect(inferPythonRoots(files, metadata)).toEqual(["lib"]);
  });

  test("setuptools package-dir", () => {
    const metadata = new Map([
      ["pyproject.toml", '[tool.setuptools]\npackage-dir = {"" = "lib"}\n'],
    ]);
    expect(inferPythonRoots(files, metadata)).toEqual(["lib"]);
  });

  test("setuptools package-dir naming one package", () => {
    const metadata = new Map([
      ["pyproject.toml", '[tool.setuptools.package-dir]\nshop = "lib/shop"\n'],
    ]);
    expect(inferPythonRoots(files, metadata)).toEqual(["lib"]);
  });

  test("poetry packages with from", () => {
    const metadata = new Map([
      [
        "pyproject.toml",
        '[tool.poetry]\nname = "shop"\npackages = [{ include = "shop", from = "lib" }]\n',
      ],
    ]);
    expect(inferPythonRoots(files, metadata)).toEqual(["lib"]);
  });

  test("poetry packages without from sit at the root", () => {
    const metadata = new Map([
      ["pyproject.toml", '[tool.poetry]\npackages = [{ include = "shop" }]\n'],
    ]);
    expect(inferPythonRoots(["shop/__init__.py"], metadata)).toEqual([""]);
  });

  test("hatch wheel packages", () => {
    const metadata = new Map([
      ["pyproject.toml", '[tool.hatch.build.targets.wheel]\npackages = ["lib/shop"]\n'],
    ]);
    expect(inferPythonRoots(files, metadata)).toEqual(["lib"]);
  });

  test("uv build backend module-root", () => {
    const metadata = new Map([
      ["pyproject.toml", '[tool.uv.build-backend]\nmodule-root = "lib"\n'],
    ]);
    expect(inferPythonRoots(files, metadata)).toEqual(["lib"]);
  });

  test("setup.cfg package_dir", () => {
    const metadata = new Map([
      ["setup.cfg", "[metadata]\nname = shop\n\n[options]\npackage_dir =\n    = lib\n"],
    ]);
    expect(inferPythonRoots(files, metadata)).toEqual(["lib"]);
  });

  test("setup.cfg packages.find where", () => {
    const metadata = new Map([["setup.cfg", "[options.packages.find]\nwhere = lib\n"]]);
    expect(inferPythonRoots(files, metadata)).toEqual(["lib"]);
  });

  test("setup.py read as text, never run", () => {
    const metadata = new Map([
      ["setup.py", 'setup(package_dir={"": "lib"}, packages=find_packages("lib"))\n'],
    ]);
    expect(inferPythonRoots(files, metadata)).toEqual(["lib"]);
  });

  test("metadata without layout keys leaves it to discovery", () => {
    const metadata = new Map([["pyproject.toml", '[project]\nname = "shop"\n']]);
    expect(inferPythonRoots(["src/shop/__init__.py"], metadata)).toEqual(["src"]);
  });

  test("a declared root with no Python in it is dropped", () => {
    const metadata = new Map([
      ["pyproject.toml", '[tool.setuptools.packages.find]\nwhere = ["nowhere"]\n'],
    ]);
    expect(inferPythonRoots(["shop/__init__.py"], metadata)).toEqual([""]);
  });

  test("bad TOML and bad INI never throw", () => {
    const metadata = new Map([
      ["pyproject.toml", "[tool.setuptools\nwhere = = ["],
      ["setup.cfg", "\u0000[[[\n= =\n"],
    ]);
    expect(inferPythonRoots(["src/shop/__init__.py"], metadata)).toEqual(["src"]);
  });

  test("metadata cannot point outside the repository", () => {
    const metadata = new Map([
      ["pyproject.toml", '[tool.setuptools.packages.find]\nwhere = ["../../etc"]\n'],
    ]);
    expect(inferPythonRoots(["shop/__init__.py"], metadata)).toEqual([""]);
  });
});

describe("inferPythonRoots where packaging lives", () => {
  test("a setup.py inside a package is a module, not metadata", () => {
    const files = ["wagtail/__init__.py", "wagtail/utils/__init__.py", "wagtail/utils/setup.py"];
    const metadata = new Map([
      ["setup.py", "from setuptools import setup\nsetup(name='wagtail')\n"],
      ["wagtail/utils/setup.py", "from setuptools import find_packages\nfind_packages('.')\n"],
    ]);
    expect(inferPythonRoots(files, metadata)).toEqual([""]);
  });

  test("services/* are roots without any metadata, shared/ beside them from the repository root", () => {
    const files = [
      "shared/db.py",
      "services/users/app/models.py",
      "services/orders/src/app/models.py",
      "services/orders/tools/x.py",
    ];
    expect(inferPythonRoots(files, new Map())).toEqual([
      "",
      "services/orders/src",
      "services/users",
    ]);
  });

  test("a Dockerfile or requirements.txt marks a service folder, but not inside a package", () => {
    const files = [
      "billing/app/main.py",
      "web/app/main.py",
      "shop/__init__.py",
      "shop/project_template/manage.py",
    ];
    const markers = [
      "billing/Dockerfile",
      "web/requirements-dev.txt",
      "shop/project_template/Dockerfile",
    ];
    expect(inferPythonRoots(files, new Map(), markers)).toEqual(["", "billing", "web"]);
  });
});

describe("inferPythonRoots in a monorepo", () => {
  test("two pyproject.toml, each relative to its folder", () => {
    const files = [
      "services/api/src/api/__init__.py",
      "services/api/src/api/views.py",
      "libs/core/core/__init__.py",
      "libs/core/core/money.py",
    ];
    const metadata = new Map([
      ["services/api/pyproject.toml", '[tool.setuptools.packages.find]\nwhere = ["src"]\n'],
      ["libs/core/pyproject.toml", '[tool.poetry]\npackages = [{ include = "core" }]\n'],
    ]);
    expect(inferPythonRoots(files, metadata)).toEqual(["libs/core", "services/api/src"]);
  });

  test("undeclared pyprojects are discovered per folder", () => {
    const files = ["packages/a/src/a/__init__.py", "packages/b/b/__init__.py"];
    const metadata = new Map([
      ["pyproject.toml", "[tool.ruff]\nline-length = 100\n"],
      ["packages/a/pyproject.toml", '[project]\nname = "a"\n'],
      ["packages/b/pyproject.toml", '[project]\nname = "b"\n'],
    ]);
    expect(inferPythonRoots(files, metadata)).toEqual(["packages/a/src", "packages/b"]);
  });
});
