"""The baseline archdrift's Python extraction is compared with: CPython's own `ast` module.

Usage: python3 python-ast-imports.py <checkout> <modules.tsv>

`modules.tsv` lists the modules archdrift reviews, one `<dotted name>\t<path>` a line (paths
relative to the checkout), so both tools read the same files under the same names. The script does
what an ast-based tool such as grimp does, as one whole process: read each file, parse it, collect
every Import and ImportFrom node (module level and nested in functions, classes, conditions and
`try`; lazy inside functions, type-only under `if TYPE_CHECKING:`), resolve relative imports against
the module's package, and resolve each name to an internal module the way grimp does (`from a import
b` is `a.b` when that module exists, else `a`; one level of fallback). It prints the graph as JSON,
as `archdrift graph --format json` does, and is timed from outside, start-up included.
"""

from __future__ import annotations

import ast
import json
import sys


class ImportCollector(ast.NodeVisitor):
    """Import statements with the context grimp and archdrift record: lazy and type-only."""

    def __init__(self) -> None:
        self.found: list[tuple[ast.Import | ast.ImportFrom, bool, bool]] = []
        self.function_depth = 0
        self.type_checking_depth = 0

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.function_depth += 1
        self.generic_visit(node)
        self.function_depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        guarded = (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
            isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
        )
        if not guarded:
            self.generic_visit(node)
            return
        self.type_checking_depth += 1
        for child in node.body:
            self.visit(child)
        self.type_checking_depth -= 1
        for child in node.orelse:
            self.visit(child)

    def visit_Import(self, node: ast.Import) -> None:
        self.found.append((node, self.function_depth > 0, self.type_checking_depth > 0))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self.found.append((node, self.function_depth > 0, self.type_checking_depth > 0))


def resolve(name: str, modules: set[str]) -> str | None:
    if name in modules:
        return name
    parent = name.rpartition(".")[0]
    return parent if parent in modules else None


def imported_names(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level > 0:
        parts = module.split(".")
        keep = len(parts) - (node.level - 1 if is_package else node.level)
        if keep <= 0:
            return []
        anchor = ".".join(parts[:keep])
        base = f"{anchor}.{node.module}" if node.module else anchor
    else:
        base = node.module or ""
    return [base if alias.name == "*" else f"{base}.{alias.name}" for alias in node.names]


def edges_of(tree: ast.AST, module: str, path: str, modules: set[str]) -> list[dict[str, object]]:
    collector = ImportCollector()
    collector.visit(tree)
    is_package = path.endswith("__init__.py") or path.endswith("__init__.pyi")
    edges = []
    for node, lazy, type_only in collector.found:
        targets: set[str] = set()
        for name in imported_names(node, module, is_package):
            target = resolve(name, modules)
            if target is None or target == module or target in targets:
                continue
            targets.add(target)
            kind = "type-only" if type_only else "lazy" if lazy else "runtime"
            edges.append({"from": module, "to": target, "file": path, "line": node.lineno, "kind": kind})
    return edges


def main() -> None:
    checkout, listing = sys.argv[1], sys.argv[2]
    with open(listing, encoding="utf-8") as handle:
        named = [line.rstrip("\n").split("\t") for line in handle if line.strip()]
    modules = {module for module, _ in named}
    edges: list[dict[str, object]] = []
    for module, path in named:
        with open(f"{checkout}/{path}", "rb") as source:
            data = source.read()
        try:
            tree = ast.parse(data, filename=path)
        except SyntaxError:
            continue
        edges.extend(edges_of(tree, module, path, modules))
    modules_out = [{"id": module, "path": path, "language": "python"} for module, path in named]
    json.dump({"modules": modules_out, "edges": edges}, sys.stdout)


if __name__ == "__main__":
    main()
