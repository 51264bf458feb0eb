"""A type-ahead SKS code field: server-side search as the user types, never the whole list in the browser."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nicegui import events, ui

from seilocal.model.codes import code_shape_error
from seilocal.store.catalog import CatalogStore
from seilocal.store.catalog.search import Mode

from .search_select import SearchSelect

MODES: dict[str, str] = {"prefix": "Begynder med", "contains": "Indeholder"}
LIMIT = 20


UNKNOWN = "ukendt kode"


def code_label(code: str, text: str | None) -> str:
    """How an option reads: "KODE – tekst", or "KODE – ukendt kode" when the catalog does not know it."""
    return f"{code} – {text}" if text else f"{code} – {UNKNOWN}"


class CodeField(SearchSelect):
    """One code field: a type-ahead select over `CatalogStore.search` and a "Begynder med"/"Indeholder" toggle."""

    def __init__(
        self,
        catalog: CatalogStore,
        *,
        label: str,
        value: str | None,
        on_change: Callable[[str | None], None],
        mark: str,
        list_name: str | None = None,
        at: Callable[[], date | None] | None = None,
        get_pref: Callable[[str], str | None],
        set_pref: Callable[[str, str], None],
        pref_key: str,
    ) -> None:
        self.catalog = catalog
        self.list_name = list_name
        self._at = at or (lambda: None)
        self._set_pref = set_pref
        self._pref_key = pref_key
        saved = get_pref(pref_key)
        self.mode: Mode = saved if saved in MODES else "prefix"  # type: ignore[assignment]
        with ui.row().classes("items-center no-wrap gap-2 w-full"):
            super().__init__(label=label, value=value, on_change=on_change, mark=mark)
            self.toggle = (
                ui.toggle(MODES, value=self.mode, on_change=self._mode_changed)
                .props("dense no-caps size=sm")
                .mark(f"{mark}-mode")
            )

    def options_for(self, text: str) -> dict[str, str]:
        """The catalog's hits for typed text in this field's list and mode, dated by the field's time."""
        hits = self.catalog.search(text, list_name=self.list_name, mode=self.mode, at=self._at(), limit=LIMIT)
        return {hit.code: code_label(hit.code, hit.text) for hit in hits}

    def label_of(self, value: str) -> str:
        """"KODE – tekst", or "KODE – ukendt kode" when the catalog does not know it (kept, never dropped)."""
        hit = self.catalog.get(value)
        return code_label(value, hit.text if hit else None)

    def normalise(self, typed: str) -> str:
        """SKS codes are upper case without spaces: "dc 509" is kept as DC509."""
        return "".join(typed.split()).upper()

    def refusal(self, value: str) -> str | None:
        """A code the catalog does not know is taken only when it has the shape of an SKS code (of this list)."""
        if self.catalog.get(value) is not None:
            return None
        return code_shape_error(value, self.list_name)

    def _mode_changed(self, e: events.ValueChangeEventArguments) -> None:
        if e.value in MODES:
            self.mode = e.value
            self._set_pref(self._pref_key, e.value)


# Pages build it like any other widget: `code_field(catalog, label=..., ...)`.
code_field = CodeField
