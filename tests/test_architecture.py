"""The shape of hooks/partner_portal: its modules import each other without a circle.

A circle only works while every module on it imports the next one late (inside a function) or
at the right moment; the next edit that moves an import breaks the build with an ImportError.
Imports inside functions count here, so a circle cannot be hidden that way either.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

NAME = "partner_portal"
PACKAGE = ROOT / "hooks" / NAME

Graph = dict[str, set[str]]


def _module_imports(path: Path, modules: set[str]) -> set[str]:
    """The package's modules `path` imports, at any depth of its code."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                inside = node.module
            elif node.level == 0 and (node.module or "").split(".")[0] == NAME:
                inside = node.module.partition(".")[2]
            else:
                continue
            if inside:
                found.add(inside.split(".")[0])
            else:  # `from . import blocks`, `from partner_portal import i18n`: the names are modules
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[1] for alias in node.names if alias.name.startswith(NAME + "."))
    return found & modules


def import_graph(package: Path = PACKAGE) -> Graph:
    modules = {path.stem for path in package.glob("*.py") if path.stem != "__init__"}
    return {name: _module_imports(package / f"{name}.py", modules) - {name} for name in sorted(modules)}


def find_cycle(graph: Graph) -> list[str] | None:
    """One circle of imports, as [a, b, ..., a], or None."""
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        if module in path:
            return path[path.index(module) :] + [module]
        if module in done:
            return None
        path.append(module)
        for target in sorted(graph.get(module, ())):
            cycle = visit(target)
            if cycle:
                return cycle
        path.pop()
        done.add(module)
        return None

    for module in sorted(graph):
        cycle = visit(module)
        if cycle:
            return cycle
    return None


def test_the_package_imports_form_no_circle() -> None:
    graph = import_graph()
    assert {"load", "blocks", "publish", "render", "translations", "i18n"} <= set(graph)
    assert graph["load"] >= {"blocks", "translations"} and "publish" in graph["blocks"]  # the reader sees real edges
    cycle = find_cycle(graph)
    assert cycle is None, "import circle in hooks/partner_portal: " + " -> ".join(cycle)


def test_function_level_imports_count(tmp_path: Path) -> None:
    """The two circles this package once had, written the way they were: imports in functions."""
    (tmp_path / "blocks.py").write_text("from .publish import api_document\n", encoding="utf-8")
    (tmp_path / "publish.py").write_text("def document():\n    from .blocks import place_name\n", encoding="utf-8")
    (tmp_path / "load.py").write_text("from . import blocks\nfrom .i18n import compute_status\n", encoding="utf-8")
    (tmp_path / "i18n.py").write_text("def main():\n    from partner_portal.load import load_portal\n", encoding="utf-8")
    graph = import_graph(tmp_path)
    assert graph == {"blocks": {"publish"}, "i18n": {"load"}, "load": {"blocks", "i18n"}, "publish": {"blocks"}}
    assert find_cycle(graph) == ["blocks", "publish", "blocks"]
    assert find_cycle({**graph, "publish": set()}) == ["i18n", "load", "i18n"]
