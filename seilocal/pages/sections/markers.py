"""Section "Forløbsmarkører" (F4.7) as a table per F4.1.3: Ny, select and edit in the details, Slet with undo."""

from __future__ import annotations

from typing import Any, TypeVar

from nicegui import events, ui

from seilocal.model import Marker
from seilocal.model.datetime_input import format_for_display
from seilocal.model.workflow import marker_time_now, markers_in_time_order

from ..fields import code_select, time_field
from ..form_editor import FormEditor

START_KEY = "start"  # the row key of the start marker, which lives in course.start_marker
UNDO_SECONDS = 30.0

COLUMNS = [
    {"name": "time", "label": "Tidspunkt", "field": "time", "align": "left"},
    {"name": "code", "label": "Kode", "field": "code", "align": "left"},
    {"name": "text", "label": "Tekst", "field": "text", "align": "left"},
    {"name": "note", "label": "", "field": "note", "align": "left"},
]

T = TypeVar("T")


def marker_rows(editor: FormEditor) -> list[dict[str, Any]]:
    """The table rows: the start marker first (its time is the course start), then the markers by time."""
    form = editor.form
    catalog = editor.ctx.store.catalog

    def text(code: str | None) -> str:
        return (catalog.text(code) or "") if code else ""

    rows = [{
        "key": START_KEY, "index": -1, "time": format_for_display(form.course.start),
        "code": form.course.start_marker or "", "text": text(form.course.start_marker),
        "note": "Startmarkør (tid = forløbets start)",
    }]
    for index in markers_in_time_order(form.markers):
        marker = form.markers[index]
        rows.append({"key": marker.id, "index": index, "time": format_for_display(marker.time),
                     "code": marker.code or "", "text": text(marker.code), "note": ""})
    return rows


def build(editor: FormEditor) -> None:
    """Build the markers section."""
    state: dict[str, Any] = {"selected": None, "deleted": None}

    def index_of(key: str | None) -> int | None:
        return next((i for i, m in enumerate(editor.form.markers) if m.id == key), None)

    def refresh_table() -> None:
        table.rows = marker_rows(editor)
        selected = [row for row in table.rows if row["key"] == state["selected"]]
        if not selected:
            state["selected"] = None
        table.selected = selected
        table.update()
        delete_button.set_enabled(index_of(state["selected"]) is not None)

    def select(key: str | None) -> Any:
        """Select a row; the details re-render in the background unless the caller awaits the result."""
        state["selected"] = key
        refresh_table()
        return details.refresh()

    async def add() -> None:
        marker = Marker(time=marker_time_now(editor.ctx.clock()))
        index = editor.add_row("markers", marker)
        if index is None:
            return
        show_details(True)
        await select(marker.id)
        handle = editor.fields.get(f"markers[{index}].code")
        if handle and handle.focus:
            handle.focus()  # the keyboard goes on with the code: type-ahead at once

    def ask_delete() -> None:
        if index_of(state["selected"]) is None:
            return
        confirm_dialog.open()

    def delete() -> None:
        confirm_dialog.close()
        index = index_of(state["selected"])
        if index is None:
            return
        row = editor.remove_row("markers", index)
        if row is None:
            return
        state["deleted"] = (row, index)
        select(None)
        state["undo_token"] = token = state.get("undo_token", 0) + 1
        undo_bar.set_visibility(True)
        with undo_bar:
            # Only the latest deletion's timer hides the bar.
            ui.timer(UNDO_SECONDS, lambda: hide_undo() if state["undo_token"] == token else None, once=True)
        ui.notify("Forløbsmarkøren er slettet. Tryk »Fortryd« for at få den tilbage.")

    def undo() -> None:
        deleted = state["deleted"]
        if deleted is None:
            return
        row, index = deleted
        put_back = editor.add_row("markers", row, index=index, action="undo")
        if put_back is None:
            return
        hide_undo()
        select(row.id)
        ui.notify("Forløbsmarkøren er sat tilbage.")

    def hide_undo() -> None:
        state["deleted"] = None
        undo_bar.set_visibility(False)

    def row_clicked(e: events.GenericEventArguments) -> None:
        row = e.args[1] if isinstance(e.args, list) and len(e.args) > 1 else None
        if isinstance(row, dict) and row.get("key") != state["selected"]:
            select(row.get("key"))

    def selection_changed(e: events.TableSelectionEventArguments) -> None:
        key = e.selection[0]["key"] if e.selection else None
        if key != state["selected"]:
            select(key)

    def show_details(visible: bool) -> None:
        details_box.set_visibility(visible)
        toggle_button.text = "Skjul detaljer" if visible else "Vis detaljer"

    def select_index(index: int) -> None:
        markers = editor.form.markers
        if 0 <= index < len(markers):
            show_details(True)
            select(markers[index].id)

    def saved(path: str) -> None:
        if path.startswith("markers") or path in ("course.start", "course.start_marker"):
            refresh_table()

    def open_course() -> None:
        opener = editor.section_openers.get("course")
        if opener:
            opener()
        handle = editor.fields.get("course.start_marker")
        if handle and handle.focus:
            handle.focus()

    @ui.refreshable
    def details() -> None:
        key = state["selected"]
        if key == START_KEY:
            ui.label("Startmarkøren og dens tidspunkt (forløbets start) rettes under Forløbsoplysninger.").mark(
                "marker-start-note")
            ui.button("Gå til Forløbsoplysninger", on_click=open_course).props("flat dense")
            return
        index = index_of(key)
        if index is None:
            ui.label("Vælg en række i tabellen, eller tryk »Ny«.").classes("text-grey-7").mark("marker-none")
            return
        with ui.grid(columns=2).classes("w-full gap-4"):
            time_field(editor, "Tidspunkt *", f"markers[{index}].time", mark="marker-time")
            code_select(editor, "Forløbsmarkør *", f"markers[{index}].code", mark="marker-code",
                        list_name="forloeb.markoer", at_path=f"markers[{index}].time")

    with ui.row().classes("items-center gap-2"):
        ui.button("Ny", icon="add", on_click=add).props("dense").mark("markers-new")
        delete_button = ui.button("Slet", icon="delete", on_click=ask_delete).props("dense flat color=negative").mark(
            "markers-delete")
        toggle_button: ui.button = ui.button(
            "Skjul detaljer", on_click=lambda: show_details(not details_box.visible)).props("dense flat").mark(
            "markers-toggle-details")
    # The elements the callbacks above use are annotated: mypy cannot infer a type used before its assignment.
    undo_bar: ui.row = ui.row().classes("items-center gap-2 bg-grey-3 q-pa-xs rounded-borders").mark("markers-undo-bar")
    with undo_bar:
        ui.label("Forløbsmarkøren er slettet.")
        ui.button("Fortryd", icon="undo", on_click=undo).props("dense flat").mark("markers-undo")
    undo_bar.set_visibility(False)

    table: ui.table = ui.table(columns=COLUMNS, rows=[], row_key="key", selection="single",
                     on_select=selection_changed).props("flat bordered dense").classes("w-full").mark("markers-table")
    table.on("rowClick", row_clicked)
    details_box: ui.column = ui.column().classes("w-full q-pt-sm").mark("markers-details")
    with details_box:
        details()

    confirm_dialog: ui.dialog = ui.dialog()
    with confirm_dialog, ui.card().mark("markers-delete-dialog"):
        ui.label("Slet forløbsmarkøren?").classes("text-bold")
        ui.label("Sletningen kan have betydning for indberetningen (fx ventetider). Du kan fortryde lige efter.")
        with ui.row():
            ui.button("Slet", on_click=delete).props("color=negative").mark("markers-delete-confirm")
            ui.button("Annullér", on_click=confirm_dialog.close).props("flat").mark("markers-delete-cancel")

    editor.row_selectors["markers"] = select_index
    editor.on_saved(saved)
    refresh_table()
