"""The house's written layout holds (issue 24.7): the README names every document in docs/ and every test folder,
and names none that is not there; tests share helpers only through tests/support, never by importing each other."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.support.env import REPO

README = REPO / "README.md"
TESTS = REPO / "tests"


def _named(pattern: str) -> set[str]:
    return set(re.findall(pattern, README.read_text(encoding="utf-8")))


def test_the_readme_names_every_document_and_only_documents_that_exist() -> None:
    named = _named(r"docs/([\w.-]+\.md)")
    present = {path.name for path in (REPO / "docs").glob("*.md")}
    assert named - present == set(), "the README names documents that do not exist"
    assert present - named == set(), "documents the README does not name"


def test_the_readme_names_every_test_folder_and_only_folders_that_exist() -> None:
    named = _named(r"`tests/(\w+)/?`")
    present = {path.name for path in TESTS.iterdir() if path.is_dir() and (path / "__init__.py").exists()}
    assert named - present == set(), "the README names test folders that do not exist"
    assert present - named == set(), "test folders the README does not name"


def _imports(source: str, path: Path) -> list[str]:
    """The absolute names of the modules `source` (the text of `path`) imports from, relative imports resolved."""
    package = path.relative_to(REPO).with_suffix("").parts[:-1]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found += [module] if node.module else [f"{module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


def _from_the_suite(name: str) -> bool:
    return (name == "tests" or name.startswith("tests.")) and not name.startswith("tests.support")


def test_tests_share_helpers_only_through_tests_support() -> None:
    """A test module, a conftest or a helper outside tests/support imports from the suite only tests.support."""
    wrong = []
    for path in sorted(TESTS.rglob("*.py")):
        if "support" in path.relative_to(TESTS).parts:
            continue
        imported = _imports(path.read_text(encoding="utf-8"), path)
        wrong += [f"{path.relative_to(REPO)}: {name}" for name in imported if _from_the_suite(name)]
    assert wrong == []


def test_the_import_check_sees_relative_and_absolute_imports() -> None:
    """The check above can fail: it resolves every form of import a test module might use."""
    source = ("from .test_pdf import render\nfrom . import cda_corpus\nfrom tests.ui.test_contacts import UNIT\n"
              "import tests.dbfile\nfrom tests.support.pdf import render\nfrom seilocal.model import Form\n")
    imported = _imports(source, TESTS / "unit" / "test_probe.py")
    assert imported == ["tests.unit.test_pdf", "tests.unit.cda_corpus", "tests.ui.test_contacts", "tests.dbfile",
                        "tests.support.pdf", "seilocal.model"]
    assert [name for name in imported if _from_the_suite(name)] == imported[:4]
