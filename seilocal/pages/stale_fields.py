"""Fields a change made not applicable (issue 12): cleared at once, with a notice and "Fortryd", never kept hidden.

A value the user cannot see must never be stored, submitted or printed: when a new diagnosis code needs no side
or is no cancer, or a priority is no longer acute, the hidden fields are emptied in the same breath, and the
notice offers to put back the previous value of the changed field together with everything that was cleared.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

from .form_editor import FormEditor


def clear_stale(editor: FormEditor, stale: dict[str, Any], *, changed: str, previous: Any, box: ui.element,
                names: dict[str, str], restore_shown: Callable[[Any], None], refresh: Callable[[], object]) -> None:
    """Empty each path of `stale` (path -> empty value) that holds a value; offer undo in `box`.

    `changed` is the field whose new value made them not applicable, `previous` its value before; undo saves
    that back with the cleared values, calls `restore_shown(previous)` for the changed widget and `refresh()`.
    """
    box.clear()
    cleared: dict[str, Any] = {}
    for path, empty in stale.items():
        value = editor.get(path)
        if value not in (None, [], "") and editor.save(path, empty):
            cleared[path] = value
    if not cleared:
        return
    labels = [names.get(path.rsplit(".", 1)[-1], path) for path in cleared]
    text = f"{_join(labels)} passer ikke til den nye værdi og er fjernet fra skemaet."

    def undo() -> None:
        box.clear()
        if not editor.save(changed, previous):
            return
        restore_shown(previous)
        for path, value in cleared.items():
            editor.save(path, value)
        refresh()

    with box, ui.row().classes("items-center gap-2 bg-amber-1 q-pa-xs rounded-borders").mark("stale-notice"):
        ui.icon("info", color="warning")
        ui.label(text).mark("stale-notice-text")
        ui.button("Fortryd", on_click=undo).props("flat dense no-caps").mark("stale-undo")
    ui.notify(text, type="info")


def _join(words: list[str]) -> str:
    first = ", ".join(words[:-1])
    return f"{first} og {words[-1]}" if first else words[-1]
