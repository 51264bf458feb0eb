"""The "Skemaer" page: every form, a search box, a filter per column (deadline too, F3), and "Opret skema"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from nicegui import ui

from seilocal.model import STATUS_LABELS_DA
from seilocal.model.datetime_input import date_filter_prefix, format_date, format_for_display
from seilocal.model.profile import new_form_from_profile
from seilocal.rules.deadlines import days_left, reporting_deadline
from seilocal.store.forms_list import FormSet, UnreportedSince, list_forms
from seilocal.store.profile import load_profile

from .context import AppContext
from .deadline_view import days_text, deadline_view
from .first_start import first_start_pending, setup_card
from .form_import import form_import_button
from .frame import frame
from .month_export import month_export_panel
from .open_forms import created, discard_untouched
from .settings_page import starter_catalog_notice
from .start_notice import start_notice

_COLUMNS: list[dict[str, Any]] = [
    {"name": "form_no", "label": "Skemanr.", "field": "form_no", "align": "left", "sortable": True},
    {"name": "cpr", "label": "CPR", "field": "cpr", "align": "left"},
    {"name": "name", "label": "Navn", "field": "name", "align": "left", "sortable": True},
    {"name": "status", "label": "Status", "field": "status", "align": "left", "sortable": True},
    {"name": "course_start", "label": "Start", "field": "course_start", "align": "left", "sortable": True},
    {"name": "course_end", "label": "Slut", "field": "course_end", "align": "left", "sortable": True},
    {"name": "start_marker", "label": "Startmarkør", "field": "start_marker", "align": "left"},
    {"name": "responsible_unit", "label": "Forløbsansvar", "field": "responsible_unit", "align": "left"},
    {"name": "deadline", "label": "Frist", "field": "deadline", "align": "left"},
    {"name": "changed_at", "label": "Sidst ændret", "field": "changed_at", "align": "left", "sortable": True},
]

DEADLINE_FILTERS = {
    "": "Alle",
    "overdue": "Overskredet",
    "week": "Inden for 7 dage",
    "pending": "Alle med frist",
    "none": "Intet at indberette",
}
SOON_DAYS = 7


def deadline_matches(choice: str, since: dict[int, date | None], today: date) -> tuple[FormSet | None, FormSet | None]:
    """The forms a deadline filter keeps, as (only these or None for all, none of these or None)."""
    if not choice:
        return None, None
    if choice == "none":  # submitted or cancelled, or nothing dated to report yet
        return None, FormSet.of([n for n, day in since.items() if day is not None])
    left = {n: days_left(day, today) for n, day in since.items() if day is not None}
    if choice == "overdue":
        return FormSet.of([n for n, days in left.items() if days < 0]), None
    if choice == "week":
        return FormSet.of([n for n, days in left.items() if 0 <= days <= SOON_DAYS]), None
    return FormSet.of(left), None


def deadline_text(day: date | None, today: date) -> str:
    """`10-12-2026 (15 dage tilbage)`, or "" when the form has nothing dated to report."""
    if day is None:
        return ""
    return f"{format_date(reporting_deadline(day))} ({days_text(days_left(day, today)).lower()})"


# The form number cell: a real link, so Tab reaches every row and Enter (or a click) opens the form.
FORM_LINK_CELL = (
    '<q-td :props="props">'
    '<a :href="\'/skema/\' + props.row.form_no" :data-testid="\'open-form-\' + props.row.form_no"'
    ' :aria-label="\'Åbn skema \' + props.row.form_no" class="text-primary text-weight-medium"'
    ' @click.stop>{{ props.row.form_no }}</a></q-td>'
)


def open_single_hit(rows: list[dict[str, Any]]) -> None:
    """Enter in the search box: a search that found one form opens it (more hits: Tab goes on to the list)."""
    if len(rows) == 1:
        ui.navigate.to(f"/skema/{rows[0]['form_no']}")


def code_options(values: list[str], text_of: Callable[[str], str | None]) -> dict[str, str]:
    """Filter options that read as "code – text" (the bare code only when the catalog does not know it)."""
    options = {"": "Alle"}
    for value in values:
        text = text_of(value)
        options[value] = f"{value} – {text}" if text else value
    return options


def forms_list_page(ctx: AppContext) -> None:
    """Build the forms list."""
    discard_untouched(ctx)  # "Opret skema" left without a value leaves no empty draft behind
    forms = ctx.store.forms
    catalog = ctx.store.catalog
    filters: dict[str, str] = {}
    deadline_choice = {"value": ""}
    unreported = ctx.extras.setdefault("unreported_since", UnreportedSince(ctx.store.db, forms))

    matched: dict[tuple[object, ...], tuple[FormSet | None, FormSet | None]] = {}

    def rows() -> list[dict[str, Any]]:
        today = ctx.today()
        since = unreported.all()
        key = (unreported.stamp, deadline_choice["value"], today)  # same stamp: same dates, same matches
        if key not in matched:
            matched.clear()
            matched[key] = deadline_matches(deadline_choice["value"], since, today)
        only, without = matched[key]
        hits = list_forms(forms, search.value or "", filters, only=only, without=without)
        return [
            {
                "form_no": f.form_no,
                "cpr": f.cpr or "",
                "name": f.name or "",
                "status": STATUS_LABELS_DA.get(f.status, f.status),
                "course_start": format_for_display(f.course_start) if f.course_start else "",
                "course_end": format_for_display(f.course_end) if f.course_end else "",
                "start_marker": f.start_marker or "",
                "responsible_unit": f.responsible_unit or "",
                "deadline": deadline_text(since.get(f.form_no), today),
                "changed_at": format_for_display(f.changed_at),
            }
            for f in hits
        ]

    def refresh() -> None:
        table.rows = rows()
        table.update()
        empty_note.set_visibility(not table.rows)

    def set_filter(column: str, value: str | None) -> None:
        if value:
            filters[column] = value
        else:
            filters.pop(column, None)
        refresh()

    def set_date_filter(column: str, text: str, field: ui.input) -> None:
        prefix = date_filter_prefix(text, ctx.today()) if text else None  # `d`, `12`, `12.01` as in date fields
        bad = bool(text) and prefix is None
        field.props(f'error-message="Skriv dd-mm-åååå, mm-åååå, åååå eller d" {"error" if bad else ":error=false"}')
        set_filter(column, prefix or "")

    def create() -> None:
        stored = forms.create(new_form_from_profile(load_profile(ctx.store.prefs)))  # F4.6: practice defaults
        form_no = stored.form.form_no
        assert form_no is not None  # the store numbers every form it creates
        created(ctx, form_no)  # no clean-up takes it before its page is there
        ui.navigate.to(f"/skema/{form_no}")

    def set_deadline_filter(value: str | None) -> None:
        deadline_choice["value"] = value or ""
        refresh()

    def unit_text(sor_id: str) -> str | None:
        unit = catalog.sor_get(sor_id)
        return unit.name if unit else None

    with frame("Skemaer"):
        if first_start_pending(ctx):  # F1: a new data folder asks for the practice profile first
            setup_card(ctx)
        starter_catalog_notice(ctx, mark="forms-starter-notice")
        start_notice(ctx.store.prefs)  # e.g. a restore done at this start, said in Danish
        with ui.row().classes("w-full items-center"):
            ui.label("Skemaer").classes("text-h5")
            ui.space()
            ui.button("Opret skema", icon="add", on_click=create).mark("create-form")
            form_import_button(ctx)  # "Importér"
        search = (
            ui.input("Søg (CPR, navn, skemanummer eller forløbsID)", on_change=lambda: refresh())
            .props("clearable outlined dense autofocus")
            .classes("w-full")
            .mark("forms-search")
        )
        with ui.row().classes("w-full items-start gap-2"):
            status_options = {"": "Alle"} | STATUS_LABELS_DA
            ui.select(status_options, value="", label="Status",
                      on_change=lambda e: set_filter("status", e.value)).props("dense outlined").classes(
                "w-48").mark("filter-status")
            start = ui.input("Start (dato)").props("dense outlined clearable").classes("w-40").mark("filter-start")
            start.on_value_change(lambda e: set_date_filter("course_start", e.value or "", start))
            end = ui.input("Slut (dato)").props("dense outlined clearable").classes("w-40").mark("filter-end")
            end.on_value_change(lambda e: set_date_filter("course_end", e.value or "", end))
            ui.select(code_options(forms.distinct_values("start_marker"), catalog.text), value="",
                      label="Startmarkør", on_change=lambda e: set_filter("start_marker", e.value)).props(
                "dense outlined").classes("w-48").mark("filter-marker")
            ui.select(code_options(forms.distinct_values("responsible_unit"), unit_text), value="",
                      label="Forløbsansvar", on_change=lambda e: set_filter("responsible_unit", e.value)).props(
                "dense outlined").classes("w-56").mark("filter-unit")
            ui.select(DEADLINE_FILTERS, value="", label="Frist",
                      on_change=lambda e: set_deadline_filter(e.value)).props("dense outlined").classes("w-48").mark(
                "filter-deadline")
        deadline_view(ctx)
        month_export_panel(ctx)
        table = ui.table(columns=_COLUMNS, rows=[], row_key="form_no", pagination=25).classes("w-full").mark(
            "forms-table")
        table.on("rowClick", lambda e: ui.navigate.to(f"/skema/{e.args[1]['form_no']}"))
        # The keyboard's way in: the form number is a link (a Tab stop; Enter opens the form).
        table.add_slot("body-cell-form_no", FORM_LINK_CELL)
        search.on("keydown.enter", lambda: open_single_hit(table.rows))
        table.props("flat bordered dense")
        empty_note = ui.label("Ingen skemaer endnu – tryk på »Opret skema«.").classes("text-grey-7").mark(
            "forms-empty")
        refresh()

        def connected() -> None:
            # The tab just left (a new form) is gone by now: a draft it left untouched goes from the list too.
            if discard_untouched(ctx):
                refresh()

        ui.context.client.on_connect(connected)
