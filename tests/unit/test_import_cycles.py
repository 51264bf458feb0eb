"""The house has no import circle: seilocal's modules import each other one way only (issue 24.5).

The graph is read from the source (ast), not by importing: a node per module of the package, an edge per import
of another of its modules, wherever the import stands (at the top, in a `try`, or inside a function: an import
moved into a function hides a circle, it does not remove it). Imports under `if TYPE_CHECKING:` are left out:
they never run, they only name types for the checker.
"""

from __future__ import annotations

import ast
from pathlib import Path

import seilocal

PACKAGE_ROOT = Path(seilocal.__file__).parent


def modules_of(package_dir: Path) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package's __init__) for every .py file of the package."""
    found = {}
    for file in sorted(package_dir.rglob("*.py")):
        parts = list(file.relative_to(package_dir.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        found[".".join(parts)] = (file, is_package)
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(nodes: list[ast.AST]) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement in or under `nodes`, except those in an `if TYPE_CHECKING:` branch."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in nodes:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            found += _imports(list(node.orelse))
        else:
            found += _imports(list(ast.iter_child_nodes(node)))
    return found


def _targets(name: str, is_package: bool, statement: ast.Import | ast.ImportFrom,
             modules: dict[str, tuple[Path, bool]]) -> set[str]:
    """The package's modules that `statement` (in module `name`) imports."""
    targets = set()
    if isinstance(statement, ast.Import):
        for alias in statement.names:
            dotted = alias.name
            while dotted and dotted not in modules:
                dotted = dotted.rpartition(".")[0]
            if dotted:
                targets.add(dotted)
        return targets
    if statement.level:
        base = name.split(".") if is_package else name.split(".")[:-1]
        base = base[: len(base) - (statement.level - 1)]
        source = ".".join(base + ([statement.module] if statement.module else []))
    else:
        source = statement.module or ""
    for alias in statement.names:
        if f"{source}.{alias.name}" in modules:
            targets.add(f"{source}.{alias.name}")  # a submodule: `from . import keys`
        elif source in modules:
            targets.add(source)  # a name defined in the module (or the package's __init__)
    return targets


def import_graph(package_dir: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports."""
    modules = modules_of(package_dir)
    graph: dict[str, set[str]] = {}
    for name, (file, is_package) in modules.items():
        tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
        graph[name] = {target for statement in _imports([tree])
                       for target in _targets(name, is_package, statement, modules)} - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One circle per group of modules that reach each other, as a path `a, b, ..., a` (Tarjan, then a walk)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_circle_in(group, graph) for group in groups]


def _circle_in(group: set[str], graph: dict[str, set[str]]) -> list[str]:
    """A shortest way from the group's first module back to itself, inside the group (breadth first)."""
    start = min(group)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph[node] & group):
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if nxt not in came_from:
                    came_from[nxt] = node
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"no circle in {sorted(group)}")


def test_seilocal_has_no_import_circle():
    found = cycles(import_graph(PACKAGE_ROOT))
    assert not found, "import circles:\n" + "\n".join(" -> ".join(circle) for circle in found)


def test_the_graph_sees_every_module_and_the_imports_between_them():
    graph = import_graph(PACKAGE_ROOT)
    assert "seilocal.store.encryption" in graph and "seilocal.export.cda.header" in graph
    assert "seilocal.store.keys" in graph["seilocal.store.encryption"]  # `from . import crypto, keys`
    assert "seilocal.store.db" in graph["seilocal.store"]  # `from .db import ...` in a package's __init__
    assert "seilocal.store.encryption" in graph["seilocal.store"]  # imported inside open_store


def test_the_key_s_leaves_never_call_back_up_into_the_key_s_life():
    """store/encryption.py runs the key's life; keys, crypto and the passphrase rule import nothing of the store,
    and db and file_encryption only those leaves (docs/architecture-notes.md, "The key's life")."""
    graph = import_graph(PACKAGE_ROOT)
    store = {name for name in graph if name.startswith("seilocal.store.")}
    for leaf in ("keys", "crypto", "passphrase_rules"):
        assert graph[f"seilocal.store.{leaf}"] & store == set(), leaf
    assert graph["seilocal.store.file_encryption"] & store == {"seilocal.store.crypto", "seilocal.store.db"}
    assert "seilocal.store.encryption" not in graph["seilocal.store.db"] | graph["seilocal.store.backup"]


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "pkg"


def test_a_circle_through_an_import_inside_a_function_is_found_and_named(tmp_path):
    package = _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "from .sub import b\n",
        "pkg/sub/__init__.py": "",
        "pkg/sub/b.py": "import pkg.c\n",
        "pkg/c.py": "def f():\n    from pkg.a import thing\n",
        "pkg/d.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import thing\n",
    })
    assert cycles(import_graph(package)) == [["pkg.a", "pkg.sub.b", "pkg.c", "pkg.a"]]


def test_an_import_only_for_the_type_checker_makes_no_circle(tmp_path):
    package = _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "from . import b\n",
        "pkg/b.py": "import typing\nif typing.TYPE_CHECKING:\n    from .a import A\nelse:\n    import json\n",
    })
    assert import_graph(package) == {"pkg": set(), "pkg.a": {"pkg.b"}, "pkg.b": set()}
    assert cycles(import_graph(package)) == []
