"""Section "Resultatindberetninger" (F4.10): triggered result reports, their table and their result fields.

"Vis ubehandlede RI" lists the triggers without a report, "Behandl alle" creates them. Selecting a row shows
the result fields of its type; the status becomes "komplet" by itself once every mandatory field is filled
(and back to "ufuldstændig" when one is emptied), or by the button, which explains what is missing.

Marks: `ri-show-pending`, `ri-pending-list`, `ri-pending-<RAAxx>`, `ri-process-all`, `ri-table`, `ri-details`,
`ri-field-<RDAxx>` per result field, `ri-status`, `ri-complete`, `ri-stale`.
"""

from __future__ import annotations

from typing import Any

from nicegui import events, ui

from seilocal.model.datetime_input import format_for_display
from seilocal.model.form import ResultReport
from seilocal.rules.result_types import ResultField, fields_of, missing_mandatory, report_is_complete, value_problem
from seilocal.rules.triggers import PendingTrigger, make_report, pending_triggers, stale_reports, trigger_title

from ..fields import code_select, text_field, time_field
from ..form_editor import FormEditor

STATUS_DA = {"complete": "komplet", "incomplete": "ufuldstændig"}
_COLUMNS = [
    {"name": "time", "label": "RI-tidspunkt", "field": "time", "align": "left"},
    {"name": "name", "label": "Resultatindberetning", "field": "name", "align": "left"},
    {"name": "trigger", "label": "Udløst af", "field": "trigger", "align": "left"},
    {"name": "status", "label": "Status", "field": "status", "align": "left"},
]


def report_row(index: int, report: ResultReport, stale: bool) -> dict[str, Any]:
    """The table cells of one report."""
    name = report.name or ""
    return {
        "index": index,
        "time": format_for_display(report.time) if report.time else "–",
        "name": f"{name} {trigger_title(name)}".strip(),
        "trigger": report.trigger.code or "–",
        "status": STATUS_DA.get(report.status, report.status) + (" · udløser findes ikke længere" if stale else ""),
    }


class ResultReportsSection:
    """The RI part of one open form."""

    def __init__(self, editor: FormEditor) -> None:
        self.editor = editor
        self.selected: int | None = None
        self.pending: list[PendingTrigger] = []
        with ui.row().classes("items-center gap-2"):
            self.show_button = ui.button("Vis ubehandlede RI", icon="playlist_add_check",
                                         on_click=self.toggle_pending).props("dense no-caps").mark("ri-show-pending")
            self.process_button = ui.button("Behandl alle", icon="done_all", on_click=self.process_all).props(
                "dense no-caps").mark("ri-process-all")
        self.pending_box = ui.column().classes("w-full gap-1").mark("ri-pending-list")
        self.pending_box.set_visibility(False)
        self.table = ui.table(columns=_COLUMNS, rows=[], row_key="index", selection="single").props(
            "dense flat bordered").classes("w-full").mark("ri-table")
        self.table.on_select(self._on_select)
        self.table.on("rowClick", lambda e: self.select(int(e.args[1]["index"])))
        self.details = ui.column().classes("w-full gap-2").mark("ri-details")
        editor.row_selectors["result_reports"] = self.select
        editor.on_saved(self._saved)
        self.refresh()

    # -- pending triggers ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute pending triggers, stale reports and the table rows."""
        form, catalog = self.editor.form, self.editor.ctx.store.catalog
        self.pending = pending_triggers(form, catalog)
        stale = set(stale_reports(form, catalog))
        self.show_button.set_enabled(bool(self.pending))
        self.process_button.set_enabled(bool(self.pending))
        self.show_button.set_text(f"Vis ubehandlede RI ({len(self.pending)})" if self.pending else
                                  "Vis ubehandlede RI")
        self.table.rows = [report_row(i, r, r.id in stale) for i, r in enumerate(form.result_reports)]
        self.table.selected = [row for row in self.table.rows if row["index"] == self.selected]
        self.table.update()
        self._fill_pending()

    def _fill_pending(self) -> None:
        self.pending_box.clear()
        with self.pending_box:
            if not self.pending:
                ui.label("Ingen ubehandlede resultatindberetninger.").classes("text-grey-7")
            for trigger in self.pending:
                ui.label(f"{trigger.name} {trigger_title(trigger.name)} – {trigger.text}").mark(
                    f"ri-pending-{trigger.name}")

    def toggle_pending(self) -> None:
        """Show or hide the list of untreated triggers."""
        self.pending_box.set_visibility(not self.pending_box.visible)

    def process_all(self) -> None:
        """Create a report for every untreated trigger (one transaction each)."""
        created = 0
        for trigger in list(self.pending):
            if self.editor.add_row("result_reports", make_report(trigger)) is None:
                break  # the editor told the user why (stale form, refused change)
            created += 1
        if created:
            ui.notify(f"{created} resultatindberetning(er) oprettet", type="positive")
            self.select(len(self.editor.form.result_reports) - 1)

    # -- selection and details -------------------------------------------------------------------

    def _on_select(self, e: events.TableSelectionEventArguments) -> None:
        rows = e.selection
        if rows:
            self.select(int(rows[0]["index"]))

    def select(self, index: int | None) -> None:
        """Select a report by its index and show its result fields."""
        reports = self.editor.form.result_reports
        self.selected = index if index is not None and 0 <= index < len(reports) else None
        self.table.selected = [row for row in self.table.rows if row["index"] == self.selected]
        self.table.update()
        self._build_details()

    def _build_details(self) -> None:
        self.details.clear()
        with self.details:
            if self.selected is None:
                ui.label("Vælg en resultatindberetning i tabellen.").classes("text-grey-7")
                return
            i = self.selected
            report = self.editor.form.result_reports[i]
            base = f"result_reports[{i}]"
            ui.label(f"{report.name} {trigger_title(report.name or '')}").classes("text-subtitle1")
            with ui.grid(columns=2).classes("w-full gap-3"):
                for spec in fields_of(report.name):
                    self._field(spec, f"{base}.results.{spec.code}", f"{base}.time")
            with ui.row().classes("items-center gap-3"):
                self.status_label = ui.label("").mark("ri-status")
                ui.button("Markér som komplet", icon="task_alt", on_click=self.mark_complete).props(
                    "dense no-caps").mark("ri-complete")
            self._show_status()

    def _field(self, spec: ResultField, path: str, at_path: str) -> None:
        mandatory = " *" if spec.required in ("always", "complete") else ""
        label = f"{spec.label} ({spec.code}){mandatory}"
        mark = f"ri-field-{spec.code}"
        if spec.kind == "code":
            # A list the catalog lacks would hide every code: search the whole catalog then.
            known = spec.code_list is not None and self.editor.ctx.store.catalog.knows_list(spec.code_list)
            code_select(self.editor, label, path, mark=mark, list_name=spec.code_list if known else None,
                        at_path=at_path)
        elif spec.kind == "time":
            time_field(self.editor, label, path, mark=mark)
        elif spec.kind in ("integer", "decimal"):
            text_field(self.editor, label, path, mark=mark, check=lambda text: (value_problem(spec, text), None))
        else:
            text_field(self.editor, label, path, mark=mark)

    def _show_status(self) -> None:
        if self.selected is None:
            return
        report = self.editor.form.result_reports[self.selected]
        self.status_label.set_text(f"Status: {STATUS_DA.get(report.status, report.status)}")

    def mark_complete(self) -> None:
        """The button: set "komplet", or say in Danish what is still missing."""
        if self.selected is None:
            return
        report = self.editor.form.result_reports[self.selected]
        if not report_is_complete(report):
            missing = ", ".join(f.label for f in missing_mandatory(report))
            reason = f"Mangler: {missing}" if missing else "Et eller flere felter har en ugyldig værdi"
            ui.notify(f"Resultatindberetningen kan ikke markeres som komplet. {reason}.", type="warning")
            return
        self.editor.save(f"result_reports[{self.selected}].status", "complete")

    # -- after every save ------------------------------------------------------------------------

    def _saved(self, path: str) -> None:
        if path.startswith("result_reports[") and ".results." in path:
            self._sync_status(path)
        self.refresh()
        self._show_status_safe()

    def _sync_status(self, path: str) -> None:
        index = int(path[len("result_reports["):path.index("]")])
        reports = self.editor.form.result_reports
        if index >= len(reports):
            return
        report = reports[index]
        wanted = "complete" if report_is_complete(report) else "incomplete"
        if report.status != wanted:
            # save() calls this listener again with the status path, which does not re-enter here.
            self.editor.save(f"result_reports[{index}].status", wanted)

    def _show_status_safe(self) -> None:
        if self.selected is not None and hasattr(self, "status_label"):
            self._show_status()


def build(editor: FormEditor) -> None:
    """Build the result-reports section."""
    ResultReportsSection(editor)
