import { describe, expect, it } from "vitest";
import { scanPythonSource } from "../../../../src/languages/python/scan-python-source.js";
import { differential } from "./scan-differential.js";

/**
 * Shapes the benchmark's agreement row met in real projects (it runs the fast scanner against
 * tree-sitter on every module of the repository it is given), written here as small files so the
 * test suite never reads code outside this repository.
 */
const shapes = {
  // A Django app config (saleor): the guard compares TYPE_CHECKING with `is True`.
  "TYPE_CHECKING compared with is True": [
    "from typing import TYPE_CHECKING",
    "from django.apps import AppConfig",
    "",
    "if TYPE_CHECKING is True:",
    "    from ..graphql.shop.types import Announcement",
    "",
    "class SiteAppConfig(AppConfig):",
    '    name = "shop.site"',
    "",
  ].join("\n"),
  // Celery task modules named after releases, importing four levels up from a package.
  "a relative import four levels up": [
    "from ....celeryconf import app",
    "from ....core.db.connection import allow_writer",
    "",
    "@app.task",
    "def migrate():",
    "    from .....outside import nothing",
    "",
  ].join("\n"),
};

describe("real-project shapes", () => {
  it("scan the same with the fast scanner as with the parser, or defer to it", async () => {
    const files = Object.entries(shapes).map(([name, text]) => ({ name, text }));
    const result = await differential(files);
    expect(result.mismatches).toEqual([]);
    // Deferring this one file loaded tree-sitter and its wasm for all of saleor (35 MiB).
    expect(result.fallbacks).toEqual([]);
  });

  it("keep the guarded import as an import, whichever path reads it", async () => {
    const scan = await scanPythonSource(shapes["TYPE_CHECKING compared with is True"]);
    const guarded = scan.imports.find((entry) => entry.module === "graphql.shop.types");
    expect(guarded).toMatchObject({ kind: "from", level: 2, names: ["Announcement"], line: 5 });
  });
});
