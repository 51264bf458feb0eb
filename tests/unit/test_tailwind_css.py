"""Issue 23.1: the app runs without Tailwind's browser build; `assets/css/tailwind.css` (made by `make css`)
must style every class our pages name, or a class added later would silently do nothing."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import nicegui

from seilocal.pages.styles import compiled_tailwind, nicegui_tailwind_version

ROOT = Path(__file__).resolve().parents[2]
NICEGUI_STATIC = Path(nicegui.__file__).parent / "static"
# Classes that are markers for our own scripts and tests, styled by nobody on purpose.
MARKERS = {"seil-typed-enter"}
_SELECTOR = re.compile(r"\.((?:\\.|[A-Za-z0-9_-])+)")
# The keyword arguments of `.classes(...)` and of props that take classes.
_CLASS_PROPS = re.compile(r"""(?:^|\s)(?:class|[a-z-]+-class)=(?:"([^"]*)"|'([^']*)'|(\S+))""")


def _selectors(css: str) -> set[str]:
    return {name.replace("\\", "") for name in _SELECTOR.findall(css)}


def _string_parts(node: ast.expr) -> list[str]:
    """The literal text of a str or f-string argument (an f-string's placeholders left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [" ".join(v.value for v in node.values if isinstance(v, ast.Constant))]
    return []


@cache
def _package() -> tuple[tuple[Path, ast.Module], ...]:
    """Every module of our package, parsed once for both scans."""
    paths = sorted((ROOT / "seilocal").rglob("*.py"))
    return tuple((path, ast.parse(path.read_text(encoding="utf-8"))) for path in paths)


def _named_classes() -> dict[str, str]:
    """Every class token our package passes to `.classes(...)` or a `*-class=` prop, with one file naming it."""
    found: dict[str, str] = {}
    for path, tree in _package():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            texts: list[str] = []
            if node.func.attr == "classes":
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    texts += _string_parts(arg)
            elif node.func.attr == "props":
                for arg in node.args:
                    for part in _string_parts(arg):
                        texts += [next(g for g in m.groups() if g is not None) for m in _CLASS_PROPS.finditer(part)]
            for text in texts:
                for token in text.split():
                    # An f-string's placeholder splits a token (`bg-{colour}-1`): only whole tokens are checked.
                    if token.startswith("-") or token.endswith("-"):
                        continue
                    found.setdefault(token, path.relative_to(ROOT).as_posix())
    return found


def _own_css() -> str:
    """The CSS our pages add themselves (`ui.add_css`, style constants)."""
    texts = []
    for _path, tree in _package():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "{" in node.value:
                texts.append(node.value)
    return "\n".join(texts)


def test_every_class_our_pages_name_is_styled() -> None:
    styled = _selectors(compiled_tailwind()) | _selectors(_own_css()) | MARKERS
    for name in ("quasar.unimportant.prod.css", "quasar.important.prod.css", "nicegui.css"):
        styled |= _selectors((NICEGUI_STATIC / name).read_text(encoding="utf-8"))
    named = _named_classes()
    assert len(named) > 80, "the scan found too few classes: it no longer reads our pages"
    unstyled = {token: where for token, where in named.items() if token not in styled}
    assert not unstyled, f"classes no CSS defines (run `make css` after adding a Tailwind class): {unstyled}"


def test_the_layout_classes_of_the_form_page_come_from_the_compiled_css() -> None:
    # Tailwind's, not Quasar's: without the compiled file these would be unstyled.
    compiled = _selectors(compiled_tailwind())
    assert {"sticky", "z-10", "w-full", "max-w-screen-xl", "mx-auto", "gap-x-4", "min-w-[28rem]"} <= compiled


def test_the_compiled_css_is_of_nicegui_s_tailwind_and_can_sit_in_a_style_element() -> None:
    css = compiled_tailwind()
    assert "</" not in css
    # After a NiceGUI upgrade that brings another Tailwind, `make css` is due.
    version = nicegui_tailwind_version()
    assert css.startswith(f"/*! tailwindcss v{version} "), f"not made by Tailwind {version}: run `make css`"
