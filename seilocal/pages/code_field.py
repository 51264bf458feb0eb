"""A code field: a short list (≤ 30 codes) opens with all its options; a long list is searched as the user types."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nicegui import ui

from seilocal.model.codes import code_group_error, code_shape_error
from seilocal.store.catalog import CatalogStore
from seilocal.store.catalog.search import Mode
from seilocal.store.catalog.short_list import short_list

from .search_select import SearchSelect

MODES: dict[str, str] = {"prefix": "Begynder med", "contains": "Indeholder"}
LIMIT = 20
MODE_KEY = "Alt+S"  # switches the search mode from inside the field: the mode button is no Tab stop
MODE_HINT = "Søgemåde: {mode}. Skift mellem »Begynder med« og »Indeholder« med Alt+S i feltet."


UNKNOWN = "ukendt kode"


def code_label(code: str, text: str | None) -> str:
    """How an option reads: "KODE – tekst", or "KODE – ukendt kode" when the catalog does not know it."""
    return f"{code} – {text}" if text else f"{code} – {UNKNOWN}"


class CodeField(SearchSelect):
    """One code field over `CatalogStore.search`, with a search-mode button ("Begynder med"/"Indeholder")."""

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
            # One small button, out of the Tab order (tabindex=-1): tabbing from field to field never stops on
            # it; the keyboard switches the mode with Alt+S inside the field, as its tooltip says.
            self.toggle = (
                ui.button(MODES[self.mode], on_click=self.switch_mode)
                .props("flat dense no-caps size=sm tabindex=-1")
                .mark(f"{mark}-mode")
            )
            with self.toggle:
                self._mode_tip = ui.tooltip(MODE_HINT.format(mode=MODES[self.mode]))
        # Quasar hands the same keydown to this listener twice (its own emit and the native event on its root):
        # the event is marked, so one Alt+S is one switch.
        self.select.on("keydown", self.switch_mode,
                       js_handler="(e) => { if (e.altKey && !e.ctrlKey && e.code === 'KeyS' && !e.seiModeSwitched) "
                                  "{ e.seiModeSwitched = true; e.preventDefault(); emit(); } }")

    def all_options(self) -> dict[str, str] | None:
        """Every option of a short list (valid at the field's time), or None for a long or unnamed list."""
        if self.list_name is None:
            return None
        hits = short_list(self.catalog, self.list_name, at=self._at())
        return None if hits is None else {hit.code: code_label(hit.code, hit.text) for hit in hits}

    def options_for(self, text: str) -> dict[str, str]:
        """The catalog's hits for typed text in this field's list and mode; a short list's all when empty."""
        if not text.strip():
            return self.all_options() or {}
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
        """A code is taken only from this list's main group (a diagnosis field takes D-codes, however many other
        codes SKS knows); one the catalog does not know only when it has the shape of an SKS code as well."""
        if self.catalog.get(value) is not None:
            return code_group_error(value, self.list_name)
        return code_shape_error(value, self.list_name)

    def switch_mode(self) -> None:
        """Switch between "Begynder med" and "Indeholder" (the button or Alt+S), remember it, search again."""
        self.set_mode("contains" if self.mode == "prefix" else "prefix")

    def set_mode(self, mode: Mode) -> None:
        """Use `mode` for the next searches, remember it for this kind of field, and redo the current search."""
        if mode not in MODES:
            return
        self.mode = mode
        self._set_pref(self._pref_key, mode)
        self.toggle.set_text(MODES[mode])
        self._mode_tip.set_text(MODE_HINT.format(mode=MODES[mode]))
        if self.typed:
            self.search(self.typed)


# Pages build it like any other widget: `code_field(catalog, label=..., ...)`.
code_field = CodeField
