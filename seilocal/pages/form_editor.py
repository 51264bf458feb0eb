"""One open form in one browser tab: saves each edit through the store and tells the page what changed."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nicegui import ui
from pydantic import ValidationError

from seilocal.model import Form, get_path
from seilocal.model.lifecycle import TransitionRefused
from seilocal.store import StaleForm, StoredForm
from seilocal.store.crypto import Error as storage_errors

from .backup_panel import storage_error_text
from .context import AppContext

# Bring the focused element into view below the sticky header, also while the page settles (focus.FOCUS_JS).
_SCROLL_TO_FOCUS = "window.seilShowFocus && window.seilShowFocus()"
_FAILED = object()  # a write that did not happen (None can be a real result: an undone row that was None)


@dataclass
class FieldHandle:
    """How validation reaches one widget: mark it red, and bring it into view with the focus in it."""

    set_error: Callable[[str | None], None]
    focus: Callable[[], object] | None = None  # object: a widget's run_method returns an awaitable, ignored


class FormEditor:
    """Autosave of one form: every widget change is one transaction with its audit row.

    Also the meeting point of the page's parts: widgets register under their field path (so validation can
    mark them red and jump to them), sections register how to open themselves, tables how to select a row.
    """

    def __init__(self, ctx: AppContext, stored: StoredForm) -> None:
        self.ctx = ctx
        self.stored = stored
        self._listeners: list[Callable[[str], object]] = []  # what a listener returns is ignored
        self.fields: dict[str, FieldHandle] = {}
        self.section_openers: dict[str, Callable[[], None]] = {}
        self.row_selectors: dict[str, Callable[[int], None]] = {}
        # Helpers shared by several parts of this page (the RI actions' state), made on first use and keyed by
        # their class. Kept here, not in a module-level table keyed by the editor: such a table's values refer back
        # to the editor, so every page ever opened (elements, store, findings) would live as long as the process.
        self.page_parts: dict[type, object] = {}

    def register_field(self, path: str, set_error: Callable[[str | None], None],
                       focus: Callable[[], object] | None = None) -> None:
        """Make the widget showing `path` reachable for validation marks and jumps (latest wins)."""
        self.fields[path] = FieldHandle(set_error, focus)

    def reveal(self, path: str, section: str) -> None:
        """Open the section, select the row the path lies in (e.g. `contacts[2]`), focus the field."""
        opener = self.section_openers.get(section)
        if opener:
            opener()
        for list_path, index in _row_steps(path):
            selector = self.row_selectors.get(list_path)
            if selector:
                selector(index)
        handle = self.fields.get(path)
        if handle and handle.focus:
            # After the selection re-rendered the details, so the focus lands in the new widget.
            ui.timer(0.1, lambda: self._focus_in_view(path), once=True)

    def _focus_in_view(self, path: str) -> None:
        """Focus the field at `path`, then scroll it to the middle of the view, clear of the sticky header."""
        handle = self.fields.get(path)
        if handle is None or handle.focus is None:
            return
        handle.focus()
        # Quasar focuses without scrolling: bring the focused field into view ourselves (sent after the focus).
        ui.run_javascript(_SCROLL_TO_FOCUS)

    @property
    def form(self) -> Form:
        """The form as it is in this tab."""
        return self.stored.form

    def get(self, path: str) -> Any:
        """The current value at `path`."""
        return get_path(self.form, path)

    def on_saved(self, listener: Callable[[str], object]) -> None:
        """Call `listener(path)` after each successful save (header, list of findings, ...)."""
        self._listeners.append(listener)

    def notify(self, path: str) -> None:
        """Tell every listener that `path` changed (header, validation, tables)."""
        for listener in list(self._listeners):
            listener(path)

    def save(self, path: str, value: Any) -> bool:
        """Save one value; False (and a Danish message) when it could not be saved."""
        if isinstance(value, str) and value == "":
            value = None  # an emptied field is absent, as form-format.md writes it
        if self.get(path) == value:
            return True
        return self._write(lambda _old: path,
                           lambda: self.ctx.store.forms.save_edit(self.stored, path, value, fold_audit=True)) \
            is not _FAILED

    def add_row(self, list_path: str, row: Any, index: int | None = None, action: str = "add") -> int | None:
        """Insert a row into the list at `list_path` (one transaction); its index, or None after a message."""
        forms = self.ctx.store.forms
        position = self._write(lambda at: f"{list_path}[{at}]",
                               lambda: forms.add_row(self.stored, list_path, row, index=index, action=action))
        return None if position is _FAILED else position

    def remove_row(self, list_path: str, index: int) -> Any | None:
        """Remove the row at `index` (one transaction); the removed row (for undo), or None after a message."""
        row = self._write(lambda _row: f"{list_path}[{index}]",
                          lambda: self.ctx.store.forms.remove_row(self.stored, list_path, index))
        return None if row is _FAILED else row

    def _write(self, path_of: Callable[[Any], str], change: Callable[[], Any]) -> Any:
        """Run one store write; on success tell the listeners (of the path `path_of(result)`), else say why."""
        try:
            result = change()
        except StaleForm:
            self._stale_notice()
            return _FAILED
        except TransitionRefused as exc:
            ui.notify(exc.message_da, type="warning")
            return _FAILED
        except ValidationError:
            # Never log the value: it may be patient data.
            ui.notify("Værdien passer ikke i feltet og blev ikke gemt.", type="negative")
            return _FAILED
        except storage_errors as exc:
            # Full disk, read-only file, a lock held too long: nothing was written, the tab keeps its value.
            ui.notify(storage_error_text(exc), type="negative", multi_line=True)
            return _FAILED
        self.notify(path_of(result))
        return result

    def _stale_notice(self) -> None:
        with ui.dialog(value=True) as dialog, ui.card().mark("stale-dialog"):
            ui.label("Skemaet er ændret i et andet vindue eller faneblad.").classes("text-bold")
            ui.label("Din seneste ændring blev ikke gemt. Genindlæs skemaet for at se den nyeste udgave.")
            with ui.row():
                ui.button("Genindlæs", on_click=lambda: ui.navigate.reload()).mark("stale-reload")
                ui.button("Luk", on_click=dialog.close).props("flat")


def _row_steps(path: str) -> list[tuple[str, int]]:
    """`contacts[2].diagnoses[0].code` -> [('contacts', 2), ('contacts[2].diagnoses', 0)]."""
    steps = []
    for match in re.finditer(r"\[(\d+)\]", path):
        steps.append((path[: match.start()], int(match.group(1))))
    return steps
