"""A type-ahead SKS code field: server-side search as the user types, never the whole list in the browser."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nicegui import events, ui

from seilocal.store.catalog import CatalogStore
from seilocal.store.catalog.search import Mode

MODES: dict[str, str] = {"prefix": "Begynder med", "contains": "Indeholder"}
LIMIT = 20


def code_label(code: str, text: str | None) -> str:
    """How an option reads: "KODE – tekst", or the raw code when the catalog does not know it."""
    return f"{code} – {text}" if text else code


class CodeField:
    """One code field: a `ui.select` fed by `CatalogStore.search` and a "Begynder med"/"Indeholder" toggle."""

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
        self._on_change = on_change
        self._set_pref = set_pref
        self._pref_key = pref_key
        self._silent = False
        saved = get_pref(pref_key)
        self.mode: Mode = saved if saved in MODES else "prefix"  # type: ignore[assignment]
        with ui.row().classes("items-center no-wrap gap-2 w-full"):
            # Only the current value to begin with: options come from the search as the user types.
            self.select = (
                ui.select(
                    self._with_current({}, value),
                    value=value,
                    label=label,
                    with_input=True,
                    clearable=True,
                    on_change=self._value_changed,
                )
                .props("input-debounce=0 behavior=menu")
                .classes("grow")
                .mark(mark)
            )
            self.select.on("input-value", self._typed, throttle=0.12)
            self.toggle = (
                ui.toggle(MODES, value=self.mode, on_change=self._mode_changed)
                .props("dense no-caps size=sm")
                .mark(f"{mark}-mode")
            )

    @property
    def value(self) -> str | None:
        """The selected code, or None."""
        return self.select.value

    def set_value(self, code: str | None) -> None:
        """Show `code` (from outside, e.g. a loaded form) without calling on_change."""
        self._silent = True
        try:
            self.select.set_options(self._with_current({}, code), value=code)
        finally:
            self._silent = False

    def focus(self) -> None:
        """Put the keyboard focus in the field (used when a validation finding is clicked)."""
        self.select.run_method("focus")

    def set_error(self, message: str | None) -> None:
        """Mark the field red with a message, or clear the mark."""
        self.select.error = message

    def search(self, text: str) -> None:
        """Replace the options by the hits for `text`, keeping the current value among them."""
        hits = self.catalog.search(
            text or "", list_name=self.list_name, mode=self.mode, at=self._at(), limit=LIMIT
        )
        options = {hit.code: code_label(hit.code, hit.text) for hit in hits}
        self.select.set_options(self._with_current(options, self.select.value))

    def _with_current(self, options: dict[str, str], code: str | None) -> dict[str, str]:
        # NiceGUI resets a value that is not among the options to None: keep it there, always.
        if code and code not in options:
            hit = self.catalog.get(code)
            options = {code: code_label(code, hit.text if hit else None), **options}
        return options

    def _typed(self, e: events.GenericEventArguments) -> None:
        self.search(e.args if isinstance(e.args, str) else "")

    def _value_changed(self, e: events.ValueChangeEventArguments) -> None:
        if not self._silent:
            self._on_change(e.value)

    def _mode_changed(self, e: events.ValueChangeEventArguments) -> None:
        if e.value in MODES:
            self.mode = e.value
            self._set_pref(self._pref_key, e.value)


def code_field(
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
) -> CodeField:
    """Build a code field in the current UI context (see CodeField)."""
    return CodeField(
        catalog,
        label=label,
        value=value,
        on_change=on_change,
        mark=mark,
        list_name=list_name,
        at=at,
        get_pref=get_pref,
        set_pref=set_pref,
        pref_key=pref_key,
    )
