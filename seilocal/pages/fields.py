"""Small field widgets bound to a path of the open form: they show the stored value and autosave changes."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from nicegui import ui

from seilocal.model.datetime_input import parse_stored

from .code_field import CodeField, code_field
from .datetime_field import DateTimeField, datetime_field
from .form_editor import FormEditor
from .sor_field import SorField, sor_field

TEXT_IDLE_MS = 300  # a text field is saved after this pause in the typing, and when it is left

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
    # debounce: the browser sends the text after a short pause or when the field is left (Quasar flushes on
    # blur), not per keystroke: a fast typist or a paste must not queue hundreds of saves whose answers race the
    # typing. NiceGUI never echoes an input's own value back (LOOPBACK False), so the browser's text wins.
    field = ui.input(label, value=initial).props(f"outlined dense debounce={TEXT_IDLE_MS}").classes("w-full").mark(
        mark)
    field.without_auto_validation()
    field.on_value_change(lambda e: changed(e.value))
    if check and initial:
        show_message(field, *check(initial))
    editor.register_field(path, lambda message: show_message(field, message), lambda: field.run_method("focus"))
    return field


def time_field(editor: FormEditor, label: str, path: str, *, mark: str,
               on_saved: Callable[[str | None], None] | None = None) -> DateTimeField:
    """A date-time field bound to `path` (typed text kept verbatim when it does not parse)."""

    def changed(value: str | None) -> None:
        if editor.save(path, value) and on_saved:
            on_saved(value)

    widget = datetime_field(label, editor.get(path), changed, mark=mark, today=editor.ctx.today)
    editor.register_field(path, widget.set_external_error, lambda: widget.input.run_method("focus"))
    return widget


def code_select(editor: FormEditor, label: str, path: str, *, mark: str, list_name: str | None,
                at_path: str | None = None, on_saved: Callable[[str | None], None] | None = None) -> CodeField:
    """An SKS code field bound to `path`, searching `list_name`, dated by the time at `at_path` if given."""
    ctx = editor.ctx

    def changed(value: str | None) -> None:
        if editor.save(path, value) and on_saved:
            on_saved(value)

    def at() -> date | None:
        moment = parse_stored(editor.get(at_path)) if at_path else None
        return moment.date() if moment else None

    widget = code_field(
        ctx.store.catalog, label=label, value=editor.get(path), on_change=changed, mark=mark, list_name=list_name,
        at=at if at_path else None, get_pref=ctx.store.prefs.get, set_pref=ctx.store.prefs.set,
        pref_key=f"code-mode.{_generic(path)}",
    )
    editor.register_field(path, widget.set_error, widget.focus)
    return widget


def unit_select(editor: FormEditor, label: str, path: str, *, mark: str,
                on_saved: Callable[[str | None], None] | None = None) -> SorField:
    """A SOR unit field bound to `path`, with the look-up dialog of F4.1.4."""
    ctx = editor.ctx

    def changed(value: str | None) -> None:
        if editor.save(path, value) and on_saved:
            on_saved(value)

    widget = sor_field(ctx.store.catalog, label=label, value=editor.get(path), on_change=changed, mark=mark,
                       my_cvr=lambda: ctx.store.prefs.get("profile.cvr"))
    editor.register_field(path, widget.set_error, widget.focus)
    return widget


def _generic(path: str) -> str:
    """`contacts[3].diagnoses[0].code` -> `contacts.diagnoses.code`: one remembered mode per kind of field."""
    return re.sub(r"\[\d+\]", "", path)
