"""A table of form rows (F4.1.3): "Ny", select a row to edit it below, "Slet" with a warning and undo.

Usage (one call per table; the caller gives the columns, the new row and how to build the details)::

    table = row_table(
        editor, "contacts", mark="contacts",
        columns=[Column("start", "Start", lambda c: show_time(c.start))],
        new_row=lambda: Contact(),
        details=lambda path, index: contact_details(editor, path),   # path is e.g. "contacts[3]"
        sort_key=lambda c: c.start or "",
    )

What the component guarantees:
- Rows are shown sorted by `sort_key` (ties keep the stored order) with pagination, so 1,000 rows stay cheap.
- The selection is kept by row id: it survives a refresh, a re-sort and rows deleted above it.
- The details of the selected row are built once per selection (never per keystroke); an edit only
  recomputes the cells of the edited row, and pushes the table only when a cell actually changed.
- "Slet" asks first (with an optional caller warning, e.g. naming result reports); "Fortryd" (in the
  notification and in the toolbar) puts the row back at its old index as an `undo` audit row.
- `editor.row_selectors[list_path]` selects a row by its index, so validation findings and the timeline can
  jump to it.

Marks (for tests): `<mark>-table`, `<mark>-new`, `<mark>-delete`, `<mark>-refresh`, `<mark>-toggle-details`,
`<mark>-details`, `<mark>-delete-dialog`, `<mark>-delete-warning`, `<mark>-delete-confirm`,
`<mark>-delete-cancel`, `<mark>-undo`, `<mark>-empty-details`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nicegui import events, ui

from .focus import focus_mark
from .form_editor import FormEditor

ROWS_PER_PAGE = 25
DELETE_WARNING = (
    "Sletning kan have konsekvenser: rækken indgår ikke længere i næste indberetning til "
    "Landspatientregisteret, og oplysninger, der bygger på den, kan blive forkerte."
)


@dataclass(frozen=True)
class Column:
    """One column: `value(row)` gives the cell text of a row model."""

    name: str
    label: str
    value: Callable[[Any], str]
    align: str = "left"


class RowTable:
    """One F4.1.3 table over the list at `list_path` of the open form, with details under it."""

    def __init__(
        self,
        editor: FormEditor,
        list_path: str,
        *,
        columns: list[Column],
        new_row: Callable[[], Any],
        details: Callable[[str, int], None],
        mark: str,
        sort_key: Callable[[Any], Any] | None = None,
        delete_warning: Callable[[Any], str | None] | None = None,
        after_add: Callable[[int], None] | None = None,
        toolbar: Callable[[RowTable], None] | None = None,
        noun: str = "række",
        rows_per_page: int = ROWS_PER_PAGE,
    ) -> None:
        self.editor = editor
        self.list_path = list_path
        self.columns = columns
        self._new_row = new_row
        self._details = details
        self.mark = mark
        self._sort_key = sort_key
        self._delete_warning = delete_warning
        self._after_add = after_add
        self._noun = noun
        self._rows_per_page = rows_per_page
        self.selected_id: str | None = None
        self._cells: dict[str, dict[str, Any]] = {}  # row id -> table row dict
        # (id, index) the details show; the sentinel makes the first _show_details build them.
        self._details_for: tuple[str | None, int | None] = ("", -1)
        self._undo: tuple[int, Any] | None = None
        self._undo_event = f"row-undo-{uuid.uuid4().hex}"

        with ui.row().classes("items-center gap-1 w-full"):
            ui.button("Ny", icon="add", on_click=lambda: self.add()).props("dense no-caps").mark(f"{mark}-new")
            self.delete_button = ui.button("Slet", icon="delete", on_click=self.ask_delete).props(
                "dense flat no-caps color=negative").mark(f"{mark}-delete")
            ui.button(icon="refresh", on_click=self.refresh).props("dense flat").tooltip("Opdatér").mark(
                f"{mark}-refresh")
            self.toggle_button = ui.button("Skjul detaljer", on_click=self.toggle_details).props(
                "dense flat no-caps").mark(f"{mark}-toggle-details")
            self.undo_button = ui.button("Fortryd sletning", icon="undo", on_click=self.undo).props(
                "dense flat no-caps").mark(f"{mark}-undo")
            self.undo_button.visible = False
            if toolbar:
                toolbar(self)
        self.table = (
            ui.table(
                columns=[{"name": c.name, "label": c.label, "field": c.name, "align": c.align} for c in columns],
                rows=[],
                row_key="id",
                selection="single",
                pagination={"rowsPerPage": rows_per_page, "page": 1},
                on_select=self._on_select,
            )
            .props("dense flat bordered")
            .classes("w-full")
            .mark(f"{mark}-table")
        )
        self.table.on("rowClick", self._on_row_click)
        self.details_box = ui.column().classes("w-full gap-2").mark(f"{mark}-details")
        self._build_dialog()
        ui.on(self._undo_event, self.undo)
        editor.row_selectors[list_path] = self.select
        editor.on_saved(self._on_saved)
        self._load_rows()
        self._show_details()

    # -- public --------------------------------------------------------------------------------------

    @property
    def rows(self) -> list[Any]:
        """The row models of the list, in stored order."""
        rows: list[Any] = self.editor.get(self.list_path)  # list_path names one of the form's lists
        return rows

    @property
    def selected_index(self) -> int | None:
        """The stored index of the selected row, or None."""
        return self._index_of(self.selected_id)

    def select(self, index: int | None) -> None:
        """Select the row at stored `index` (None clears), turn to its page and show its details."""
        if self.table.is_deleted:
            return  # a nested table whose parent row was closed: nothing to select any more
        rows = self.rows
        self.selected_id = rows[index].id if index is not None and 0 <= index < len(rows) else None
        self._sync_selection()
        self._show_details()

    def add(self, row: Any = None, index: int | None = None) -> int | None:
        """Add `row` (or a new one from the caller's factory), select it and show its details."""
        position = self.editor.add_row(self.list_path, row if row is not None else self._new_row(), index)
        if position is None:
            return None
        self._clear_undo()
        self.select(position)
        if self._after_add:
            self._after_add(position)
        return position

    def ask_delete(self) -> None:
        """Open the confirmation dialog for the selected row (or say that none is selected)."""
        index = self.selected_index
        if index is None:
            ui.notify(f"Vælg først en {self._noun} i tabellen.", type="warning")
            return
        extra = self._delete_warning(self.rows[index]) if self._delete_warning else None
        self.dialog_warning.text = extra or ""
        self.dialog_warning.visible = bool(extra)
        self.dialog.open()

    def delete(self, index: int) -> Any | None:
        """Delete the row at `index` without asking; offer "Fortryd" in a notification and the toolbar."""
        removed = self.editor.remove_row(self.list_path, index)
        if removed is None:
            return None
        self._undo = (index, removed)
        self.undo_button.visible = True
        if self.selected_id == getattr(removed, "id", None):
            self.selected_id = None
        self._load_rows()
        self._show_details()
        ui.notification(
            f"{self._noun.capitalize()} slettet.", type="info", timeout=10,
            actions=[{"label": "Fortryd", "color": "white",
                      ":handler": f"() => emitEvent('{self._undo_event}')"}],
        )
        return removed

    def undo(self) -> None:
        """Put the last deleted row back at its old index and select it."""
        if self._undo is None:
            return
        index, row = self._undo
        self._clear_undo()
        position = self.editor.add_row(self.list_path, row, index=index, action="undo")
        if position is not None:
            self.select(position)
            ui.notify(f"{self._noun.capitalize()} gendannet.", type="positive")

    def refresh(self) -> None:
        """Re-read every row from the form and rebuild the details of the selection."""
        self._load_rows()
        self._details_for = ("", -1)
        self._show_details()

    def toggle_details(self) -> None:
        """Hide or show the details under the table."""
        self.details_box.visible = not self.details_box.visible
        self.toggle_button.text = "Skjul detaljer" if self.details_box.visible else "Vis detaljer"

    # -- internals -----------------------------------------------------------------------------------

    def _index_of(self, row_id: str | None) -> int | None:
        if row_id is None:
            return None
        return next((i for i, row in enumerate(self.rows) if row.id == row_id), None)

    def _cells_of(self, index: int, row: Any) -> dict[str, Any]:
        cells: dict[str, Any] = {"id": row.id, "_index": index}
        for column in self.columns:
            cells[column.name] = column.value(row)
        return cells

    def _sorted(self) -> list[dict[str, Any]]:
        rows = self.rows
        order = list(range(len(rows)))
        if self._sort_key:
            keys = [self._sort_key(row) for row in rows]
            order.sort(key=lambda i: keys[i])  # stable: ties keep the stored order
        return [self._cells[rows[i].id] for i in order]

    def _load_rows(self) -> None:
        self._cells = {row.id: self._cells_of(i, row) for i, row in enumerate(self.rows)}
        self.table.rows = self._sorted()
        self._sync_selection()

    def _sync_selection(self) -> None:
        cells = self._cells.get(self.selected_id or "")
        self.table.selected = [cells] if cells else []
        if cells:
            position = next(i for i, r in enumerate(self.table.rows) if r["id"] == cells["id"])
            page = position // self._rows_per_page + 1
            pagination = dict(self.table.pagination or {})
            if pagination.get("page") != page:
                pagination.update({"rowsPerPage": self._rows_per_page, "page": page})
                self.table.pagination = pagination
        self.delete_button.enabled = cells is not None
        self.table.update()

    def _show_details(self) -> None:
        index = self.selected_index
        wanted = (self.selected_id, index)
        if wanted == self._details_for:
            return  # same row at the same path: the widgets already there stay (no rebuild per edit)
        self._details_for = wanted
        # Which row the details show (stored index), for whoever drives the page by keyboard: the details are
        # rebuilt a round trip after the key that chose a row, and keys pressed before then meet the old ones.
        if index is None:
            self.details_box.props(remove="data-row")
        else:
            self.details_box.props(f"data-row={index}")
        self.details_box.clear()
        with self.details_box:
            if index is None:
                ui.label(f"Vælg en {self._noun} i tabellen, eller tryk på »Ny«.").classes("text-grey-7").mark(
                    f"{self.mark}-empty-details")
            else:
                self._details(f"{self.list_path}[{index}]", index)

    def _on_saved(self, path: str) -> None:
        prefix = f"{self.list_path}["
        if self.table.is_deleted or not path.startswith(prefix):
            return
        rest = path[len(prefix):]
        index_text = rest.split("]", 1)[0]
        rows = self.rows
        if rest == f"{index_text}]" or not index_text.isdigit():
            # A whole row came or went (add, delete, undo): indices may have shifted.
            self._load_rows()
            self._show_details()
            return
        index = int(index_text)
        if index >= len(rows):
            return
        row = rows[index]
        cells = self._cells_of(index, row)
        if self._cells.get(row.id) == cells:
            return  # nothing shown in the table changed
        self._cells[row.id] = cells
        self.table.rows = self._sorted()
        self._sync_selection()

    def _on_select(self, e: events.TableSelectionEventArguments) -> None:
        chosen = e.selection[0]["id"] if e.selection else None
        if chosen == self.selected_id:
            return
        self.selected_id = chosen
        self._sync_selection()
        self._show_details()

    def _on_row_click(self, e: events.GenericEventArguments) -> None:
        args = e.args if isinstance(e.args, list) else []
        row = next((a for a in args if isinstance(a, dict) and "id" in a), None)
        if row:
            self.select(self._index_of(row["id"]))

    def _clear_undo(self) -> None:
        self._undo = None
        self.undo_button.visible = False

    def _confirm_delete(self) -> None:
        self.dialog.close()
        index = self.selected_index
        if index is not None and self.delete(index) is not None:
            focus_mark(f"{self.mark}-undo")  # the focus rule: to what the action made, its "Fortryd sletning"

    def _build_dialog(self) -> None:
        with ui.dialog() as self.dialog, ui.card().mark(f"{self.mark}-delete-dialog"):
            ui.label(f"Slet {self._noun}?").classes("text-h6")
            ui.label(DELETE_WARNING)
            self.dialog_warning = ui.label("").classes("text-negative text-weight-medium").mark(
                f"{self.mark}-delete-warning")
            self.dialog_warning.visible = False
            with ui.row().classes("w-full justify-end"):
                ui.button("Annullér", on_click=self.dialog.close).props("flat no-caps").mark(
                    f"{self.mark}-delete-cancel")
                ui.button("Slet", on_click=self._confirm_delete).props("no-caps color=negative").mark(
                    f"{self.mark}-delete-confirm")


# Sections build tables the way they build other widgets: `row_table(editor, "markers", columns=..., ...)`.
row_table = RowTable


def tick(flag: bool) -> str:
    """The cell text of a yes/no column."""
    return "✓" if flag else ""
