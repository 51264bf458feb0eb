"""The Tailwind CSS of every page, compiled ahead of time instead of in the browser on each open (issue 23.1).

NiceGUI's default runs Tailwind's browser build on every page: 260 kB of JavaScript parsed, then the DOM scanned
and CSS generated before the first paint settles, and again as elements come and go. That was a fifth of the
time a bare NiceGUI page takes to open. `assets/css/tailwind.css` is the same CSS made once by Tailwind's own
compiler (`make css`) from every class our pages, NiceGUI's elements and Quasar's components can use; the app runs
with `tailwind=False` and puts that file in the head of every page. `tests/unit/test_tailwind_css.py` checks
that every class our pages name is in it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import nicegui
from nicegui import ui

from seilocal.resources import asset_path


@cache
def compiled_tailwind() -> str:
    """The compiled CSS (read once)."""
    return asset_path("css", "tailwind.css").read_text(encoding="utf-8")


def nicegui_tailwind_version() -> str:
    """The Tailwind version of NiceGUI's browser build (its first line names it); `make css` compiles with it."""
    head = (Path(nicegui.__file__).parent / "static" / "tailwindcss.min.js").read_text(encoding="utf-8")[:400]
    match = re.search(r'"(\d+\.\d+\.\d+)"', head)
    if match is None:
        raise RuntimeError("cannot tell which Tailwind NiceGUI bundles")
    return match.group(1)


def install_compiled_tailwind() -> None:
    """Put the compiled Tailwind CSS in the head of every page; call before `ui.run(tailwind=False)`."""
    css = compiled_tailwind()
    if "</" in css:  # it goes inside a <style> element: nothing in it may close that element
        raise ValueError("assets/css/tailwind.css must not contain '</'")
    ui.add_head_html(f"<style>{css}</style>", shared=True)
