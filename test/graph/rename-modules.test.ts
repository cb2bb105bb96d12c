import { describe, expect, it } from "vitest";
import type { Edge, Graph, ModuleNode } from "../../src/graph/graph.js";
import { moduleRenames, renameModules } from "../../src/graph/rename-modules.js";

function module(id: string): ModuleNode {
  return { id, path: `src/${id.replace(/\./g, "/")}.py`, language: "python" };
}

function edge(from: string, to: string, line = 1): Edge {
  return {
    from,
    to,
    file: `src/${from.replace(/\./g, "/")}.py`,
    line,
    text: `import ${to}`,
    kind: "runtime",
  };
}

function graph(ids: string[], edges: Edge[]): Graph {
  return { modules: ids.map(module), edges, warnings: [] };
}

const moved = (from: string, to: string) => ({
  from: `src/${from.replace(/\./g, "/")}.py`,
  to: `src/${to.replace(/\./g, "/")}.py`,
});

describe("moduleRenames", () => {
  it("maps a base module to the id the head gives its moved file", () => {
    const base = graph(["old.a", "old.b"], []);
    const head = graph(["new.a", "old.b"], []);
    expect([...moduleRenames(base, head, [moved("old.a", "new.a")])]).toEqual([["old.a", "new.a"]]);
  });

  it("ignores renames of files that are no module on either side", () => {
    const base = graph(["a"], []);
    const head = graph(["b"], []);
    expect(moduleRenames(base, head, [{ from: "README.md", to: "docs/README.md" }]).size).toBe(0);
  });

  it("never merges two modules: a rename onto a name the base still uses is left out", () => {
    const base = graph(["a", "b"], []);
    const head = graph(["b"], []);
    expect(moduleRenames(base, head, [moved("a", "b")]).size).toBe(0);
  });

  it("allows a chain of renames (a → b while b → c)", () => {
    const base = graph(["a", "b"], []);
    const head = graph(["b", "c"], []);
    const renames = moduleRenames(base, head, [moved("a", "b"), moved("b", "c")]);
    expect(Object.fromEntries(renames)).toEqual({ a: "b", b: "c" });
  });
});

describe("moduleRenames of moved packages", () => {
  const pkg = (id: string, file = "__init__"): ModuleNode => ({
    id,
    path: `src/${id.replace(/\./g, "/")}${file === "__init__" ? "/__init__.py" : ".py"}`,
    language: "python",
  });
  const base: Graph = {
    modules: [pkg("old"), pkg("old.x", "x"), pkg("old.sub"), pkg("old.sub.y", "y"), pkg("keep")],
    edges: [],
    warnings: [],
  };
  const head: Graph = {
    modules: [pkg("new"), pkg("new.x", "x"), pkg("new.sub"), pkg("new.sub.y", "y"), pkg("keep")],
    edges: [],
    warnings: [],
  };

  it("follows the folder's other files where git paired identical empty __init__.py files across packages", () => {
    const renames = [
      { from: "src/old/x.py", to: "src/new/x.py" },
      { from: "src/old/sub/y.py", to: "src/new/sub/y.py" },
      // Crossed, as git pairs files of identical content.
      { from: "src/old/__init__.py", to: "src/new/sub/__init__.py" },
      { from: "src/old/sub/__init__.py", to: "src/new/__init__.py" },
    ];
    expect(Object.fromEntries(moduleRenames(base, head, renames))).toEqual({
      "old.x": "new.x",
      "old.sub.y": "new.sub.y",
      old: "new",
      "old.sub": "new.sub",
    });
  });

  it("takes a package's __init__.py as moved with its folder when git saw no rename for it", () => {
    const renames = [
      { from: "src/old/x.py", to: "src/new/x.py" },
      { from: "src/old/sub/y.py", to: "src/new/sub/y.py" },
    ];
    expect(moduleRenames(base, head, renames).get("old")).toBe("new");
    expect(moduleRenames(base, head, renames).get("old.sub")).toBe("new.sub");
    expect(moduleRenames(base, head, renames).has("keep")).toBe(false);
  });
});

describe("renameModules", () => {
  it("renames modules and both ends of edges, keeping the base's files and lines", () => {
    const base = graph(["old.a", "old.b", "x"], [edge("old.a", "old.b", 3), edge("x", "old.a", 7)]);
    const renamed = renameModules(
      base,
      new Map([
        ["old.a", "new.a"],
        ["old.b", "new.b"],
      ]),
    );
    expect(renamed.modules.map((node) => `${node.id} ${node.path}`)).toEqual([
      "new.a src/old/a.py",
      "new.b src/old/b.py",
      "x src/x.py",
    ]);
    expect(renamed.edges.map((e) => `${e.from}→${e.to} ${e.file}:${e.line}`)).toEqual([
      "new.a→new.b src/old/a.py:3",
      "x→new.a src/x.py:7",
    ]);
  });

  it("returns the same graph when nothing was renamed", () => {
    const base = graph(["a"], []);
    expect(renameModules(base, new Map())).toBe(base);
  });
});
