"""Small field widgets bound to a path of the open form: they show the stored value and autosave changes."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from .datetime_field import DateTimeField, datetime_field
from .form_editor import FormEditor

# A check gives (error, note) for a typed value: the error marks the field red, the note is shown as a hint.
Check = Callable[[str], tuple[str | None, str | None]]


def show_message(field: ui.input, error: str | None, note: str | None = None) -> None:
    """Mark an input red with `error` (NiceGUI's own error slot), or show `note` as a hint under it."""
    field.error = error
    if note and not error:
        field.props["hint"] = note
    else:
        field.props.pop("hint", None)
    field.update()


def text_field(
    editor: FormEditor, label: str, path: str, *, mark: str, check: Check | None = None,
    on_saved: Callable[[str | None], None] | None = None,
) -> ui.input:
    """A text input bound to `path`: every change is saved verbatim, `check` marks it red without blocking."""
    initial = editor.get(path) or ""

    def changed(value: str | None) -> None:
        text = value or ""
        if check:
            show_message(field, *check(text)) if text else show_message(field, None)
        if editor.save(path, text) and on_saved:
            on_saved(text or None)

    # No NiceGUI auto-validation: it would clear the error set by `check` right after the change handler.
    field = ui.input(label, value=initial).props("outlined dense").classes("w-full").mark(mark)
    field.without_auto_validation()
    field.on_value_change(lambda e: changed(e.value))
    if check and initial:
        show_message(field, *check(initial))
    return field


def time_field(editor: FormEditor, label: str, path: str, *, mark: str,
               on_saved: Callable[[str | None], None] | None = None) -> DateTimeField:
    """A date-time field bound to `path` (typed text kept verbatim when it does not parse)."""

    def changed(value: str | None) -> None:
        if editor.save(path, value) and on_saved:
            on_saved(value)

    return datetime_field(label, editor.get(path), changed, mark=mark, today=editor.ctx.today)
