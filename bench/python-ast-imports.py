"""The baseline archdrift's Python extraction is compared with: CPython's own `ast` module.

Usage: python3 python-ast-imports.py <source root>

Reads every .py file under the root, then times what an ast-based tool such as grimp does: parse
each file, collect Import and ImportFrom nodes (module, level, names; lazy inside functions,
type-only under `if TYPE_CHECKING:`), and resolve each to an internal module the way grimp does
(`from a import b` is `a.b` when that module exists, else `a`; one level of fallback). Prints one
JSON object: files, bytes, seconds (parsing and resolving only, as archdrift is timed) and edges.
"""

from __future__ import annotations

import ast
import json
import os
import sys
import time


def module_name(relative: str) -> tuple[str, bool]:
    parts = relative[: -len(".py")].split(os.sep)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


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


def edges_of(
    tree: ast.AST, module: str, is_package: bool, modules: set[str]
) -> list[tuple[str, str, int, bool, bool]]:
    collector = ImportCollector()
    collector.visit(tree)
    package = module if is_package else module.rpartition(".")[0]
    edges = []
    for node, lazy, type_only in collector.found:
        targets: list[str | None] = []
        if isinstance(node, ast.Import):
            targets = [resolve(alias.name, modules) for alias in node.names]
        else:
            if node.level > 0:
                parts = package.split(".")
                if node.level - 1 > len(parts):
                    continue
                anchor = ".".join(parts[: len(parts) - (node.level - 1)])
                base = f"{anchor}.{node.module}" if node.module else anchor
            else:
                base = node.module or ""
            for alias in node.names:
                if alias.name == "*":
                    targets.append(resolve(base, modules))
                else:
                    targets.append(resolve(f"{base}.{alias.name}", modules))
        for target in targets:
            if target is not None and target != module:
                edges.append((module, target, node.lineno, lazy, type_only))
    return edges


def main() -> None:
    root = sys.argv[1]
    sources: list[tuple[str, bool, str]] = []
    total_bytes = 0
    for directory, _, names in os.walk(root):
        for name in sorted(names):
            if not name.endswith(".py"):
                continue
            path = os.path.join(directory, name)
            with open(path, "rb") as handle:
                data = handle.read()
            total_bytes += len(data)
            module, is_package = module_name(os.path.relpath(path, root))
            sources.append((module, is_package, data.decode("utf-8")))
    modules = {module for module, _, _ in sources}
    started = time.perf_counter()
    edges = 0
    for module, is_package, text in sources:
        tree = ast.parse(text)
        edges += len(edges_of(tree, module, is_package, modules))
    seconds = time.perf_counter() - started
    print(json.dumps({"files": len(sources), "bytes": total_bytes, "seconds": seconds, "edges": edges}))


if __name__ == "__main__":
    main()
