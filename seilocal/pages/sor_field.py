"""A SOR unit field: type a SOR code or part of a name, or look the unit up in a dialog (F4.1.4)."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import events, ui

from seilocal.store.catalog import CatalogStore, SorUnit

from .search_select import SearchSelect

TABS: dict[str, str] = {
    "cvr_si": "Mit CVR – SI",
    "cvr_all": "Mit CVR – Alle",
    "statslig": "Statslig",
    "regional": "Regional",
    "kommunal": "Kommunal",
    "privat": "Privat",
    "alle": "Alle",  # every unit, also those whose owner type the SOR file does not give in words we know
}
FILTERS: dict[str, str] = {
    "sor_id": "SOR-kode",
    "name": "Navn",
    "ydernummer": "Ydernummer",
    "unit_type": "Enhedstype",
}
LIMIT = 20
NO_CVR_NOTE = "Praksisprofilen har intet CVR-nummer. Skriv det under Indstillinger › Praksisprofil › CVR-nummer."
TABLE_LIMIT = 200


# A row's SOR code as a button: Tab reaches it, Enter or Space picks the unit (as a click on the row does).
PICK_CELL = (
    '<q-td :props="props"><button type="button" class="q-btn q-btn--flat q-btn--dense text-primary"'
    ' style="background: none; border: 0; padding: 0 4px; cursor: pointer; font: inherit"'
    ' :data-testid="\'sor-pick-\' + props.row.sor_id" :aria-label="\'Vælg \' + props.row.name"'
    ' @click.stop="() => $parent.$emit(\'pick\', props.row)">{{ props.row.sor_id }}</button></q-td>'
)


def unit_label(sor_id: str, unit: SorUnit | None) -> str:
    """How a unit reads: "SOR-kode – navn", or the raw code when the catalog does not know it."""
    return f"{sor_id} – {unit.name}" if unit else sor_id


def validity_text(unit: SorUnit) -> str:
    """A unit's validity as the dialog shows it: "fra 01-03-2012", "01-01-2015 – 30-06-2027" or ""."""
    first = f"{unit.valid_from:%d-%m-%Y}" if unit.valid_from else ""
    if unit.valid_to is None:
        return f"fra {first}" if first else ""
    return f"{first or '…'} – {unit.valid_to:%d-%m-%Y}"


def si_text(unit: SorUnit) -> str:
    """Where a unit sits: its SI (sundhedsinstitution) by name and code; empty for an SI itself."""
    if not unit.si_id:
        return ""
    return f"{unit.si_name} ({unit.si_id})" if unit.si_name else unit.si_id


def table_row(unit: SorUnit) -> dict[str, str]:
    """One row of the look-up table."""
    return {
        "sor_id": unit.sor_id,
        "name": unit.name,
        "level": unit.level or unit.sor_type or "",
        "si": si_text(unit),
        "speciality": unit.speciality or "",
        "validity": validity_text(unit),
        "ydernummer": unit.ydernummer or "",
        "unit_type": unit.unit_type or "",
    }


def with_si(catalog: CatalogStore, unit: SorUnit) -> SorUnit:
    """An OE from a file that names only its parent (our CSV, the XML): the parent stands in as its SI."""
    if unit.si_id or not unit.parent or unit.level != "OE":
        return unit
    parent = catalog.sor_get(unit.parent)
    return unit._replace(si_id=unit.parent, si_name=parent.name if parent else None)


def column_shown(column: str, tab: str) -> bool:
    """The level only where units of both levels are listed; the SI column not on the tab of SIs only."""
    if column == "level":
        return tab in ("cvr_all", "alle")
    if column == "si":
        return tab != "cvr_si"
    return True


def dialog_units(
    catalog: CatalogStore, tab: str, filters: dict[str, str], my_cvr: str | None
) -> list[SorUnit]:
    """The rows of the look-up table for one tab and the column filters; no CVR means no "Mit CVR" rows."""
    if tab in ("cvr_si", "cvr_all"):
        if not my_cvr:
            return []
        return catalog.sor_filter(
            cvr=my_cvr, level="SI" if tab == "cvr_si" else None, limit=TABLE_LIMIT, **filters
        )
    owner_type = None if tab == "alle" else tab
    return catalog.sor_filter(owner_type=owner_type, limit=TABLE_LIMIT, **filters)


class SorField(SearchSelect):
    """A type-ahead select over `CatalogStore.sor_search` plus a look-up button and dialog."""

    def __init__(
        self,
        catalog: CatalogStore,
        *,
        label: str,
        value: str | None,
        on_change: Callable[[str | None], None],
        mark: str,
        my_cvr: Callable[[], str | None],
    ) -> None:
        self.catalog = catalog
        self._my_cvr = my_cvr
        self.mark = mark
        with ui.row().classes("items-center no-wrap gap-2 w-full") as self._row:
            super().__init__(label=label, value=value, on_change=on_change, mark=mark)
            ui.button(icon="search", on_click=self.open_dialog).props("flat dense").tooltip(
                "Slå SOR-enhed op"
            ).mark(f"{mark}-lookup")
        # The look-up dialog (a table and five inputs) is built when first opened: a form page has two SOR fields,
        # and their dialogs were a sixth of what the server built for every form (issue 23).
        self.dialog: ui.dialog | None = None

    def options_for(self, text: str) -> dict[str, str]:
        """The SOR units matching typed text (id or name)."""
        units = self.catalog.sor_search(text, limit=LIMIT) if text.strip() else []
        return {u.sor_id: unit_label(u.sor_id, u) for u in units}

    def label_of(self, value: str) -> str:
        """"SOR-kode – navn", or the raw id when the unit is unknown."""
        return unit_label(value, self.catalog.sor_get(value))

    def pick(self, sor_id: str) -> None:
        """Take a unit from the look-up table: set the field, tell on_change, close the dialog."""
        self.select.set_options(self._with_current({}, sor_id), value=sor_id)
        if self.dialog is not None:
            self.dialog.close()

    def open_dialog(self) -> None:
        """Open the look-up dialog on "Mit CVR – SI" (or "Privat" when no CVR is known)."""
        if self.dialog is None:
            with self._row:
                self.dialog = self._build_dialog()
        self.tabs.value = "cvr_si" if self._my_cvr() else "privat"
        self.refresh_table()
        self.dialog.open()

    def refresh_table(self) -> None:
        """Fill the table for the chosen tab and filters."""
        filters = {key: (box.value or "") for key, box in self.filter_inputs.items()}
        units = dialog_units(self.catalog, self.tabs.value, filters, self._my_cvr())
        self.table.rows = [table_row(with_si(self.catalog, u)) for u in units]
        self.table.columns = [c for c in self._columns if column_shown(c["name"], self.tabs.value)]
        self.table.update()
        self.no_cvr_note.set_visibility(self.tabs.value in ("cvr_si", "cvr_all") and not self._my_cvr())

    def _build_dialog(self) -> ui.dialog:
        self._columns = [
            {"name": "sor_id", "label": "SOR-kode", "field": "sor_id", "align": "left"},
            {"name": "name", "label": "Navn", "field": "name", "align": "left"},
            {"name": "level", "label": "Niveau", "field": "level", "align": "left"},
            {"name": "si", "label": "Sundhedsinstitution (SI)", "field": "si", "align": "left"},
            {"name": "speciality", "label": "Speciale", "field": "speciality", "align": "left"},
            {"name": "validity", "label": "Gyldig", "field": "validity", "align": "left"},
            {"name": "ydernummer", "label": "Ydernummer", "field": "ydernummer", "align": "left"},
            {"name": "unit_type", "label": "Enhedstype", "field": "unit_type", "align": "left"},
        ]
        with ui.dialog() as dialog, ui.card().classes("w-full max-w-6xl"):
            ui.label("Find SOR-enhed").classes("text-h6")
            self.tabs = (
                ui.toggle(TABS, value="cvr_si", on_change=lambda _: self.refresh_table())
                .props("no-caps")
                .mark(f"{self.mark}-tabs")
            )
            with ui.row().classes("w-full gap-2"):
                self.filter_inputs = {
                    key: ui.input(label, on_change=lambda _: self.refresh_table())
                    .props("dense clearable")
                    .mark(f"{self.mark}-filter-{key}")
                    for key, label in FILTERS.items()
                }
            self.no_cvr_note = ui.label(NO_CVR_NOTE).classes("text-warning").mark(f"{self.mark}-no-cvr")
            self.table = (
                ui.table(columns=self._columns, rows=[], row_key="sor_id")
                .classes("w-full")
                .props("dense flat")
                .mark(f"{self.mark}-table")
            )
            self.table.on("rowClick", self._row_clicked)
            # The keyboard's way to pick: each SOR code is a button (a Tab stop; Enter or Space picks the row).
            self.table.add_slot("body-cell-sor_id", PICK_CELL)
            self.table.on("pick", self._row_clicked)
            with ui.row().classes("w-full justify-end"):
                ui.button("Luk", on_click=dialog.close).props("flat")
        return dialog

    def _row_clicked(self, e: events.GenericEventArguments) -> None:
        args = e.args if isinstance(e.args, list) else [e.args]
        row = next((a for a in args if isinstance(a, dict) and "sor_id" in a), None)
        if row:
            self.pick(row["sor_id"])



# Pages build it like any other widget: `sor_field(catalog, label=..., ...)`.
sor_field = SorField
