"""One open form in one browser tab: saves each edit through the store and tells the page what changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui
from pydantic import ValidationError

from seilocal.model import Form, get_path
from seilocal.store import StaleForm, StoredForm

from .context import AppContext


class FormEditor:
    """Autosave of one form: every widget change is one transaction with its audit row."""

    def __init__(self, ctx: AppContext, stored: StoredForm) -> None:
        self.ctx = ctx
        self.stored = stored
        self._listeners: list[Callable[[str], None]] = []

    @property
    def form(self) -> Form:
        """The form as it is in this tab."""
        return self.stored.form

    def get(self, path: str) -> Any:
        """The current value at `path`."""
        return get_path(self.form, path)

    def on_saved(self, listener: Callable[[str], None]) -> None:
        """Call `listener(path)` after each successful save (header, list of findings, ...)."""
        self._listeners.append(listener)

    def save(self, path: str, value: Any) -> bool:
        """Save one value; False (and a Danish message) when it could not be saved."""
        if isinstance(value, str) and value == "":
            value = None  # an emptied field is absent, as form-format.md writes it
        if self.get(path) == value:
            return True
        try:
            self.ctx.store.forms.save_edit(self.stored, path, value)
        except StaleForm:
            self._stale_notice()
            return False
        except ValidationError:
            # Never log the value: it may be patient data.
            ui.notify("Værdien passer ikke i feltet og blev ikke gemt.", type="negative")
            return False
        for listener in self._listeners:
            listener(path)
        return True

    def _stale_notice(self) -> None:
        with ui.dialog(value=True) as dialog, ui.card().mark("stale-dialog"):
            ui.label("Skemaet er ændret i et andet vindue eller faneblad.").classes("text-bold")
            ui.label("Din seneste ændring blev ikke gemt. Genindlæs skemaet for at se den nyeste udgave.")
            with ui.row():
                ui.button("Genindlæs", on_click=lambda: ui.navigate.reload()).mark("stale-reload")
                ui.button("Luk", on_click=dialog.close).props("flat")
