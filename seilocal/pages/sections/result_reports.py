"""Section "Resultatindberetninger" (F4.10): triggered result reports, their table and their result fields.

"Vis ubehandlede RI" lists the triggers without a report, "Behandl alle" creates them (the same actions as the
top bar's, in `ri_actions`). The table shows the trigger's text and code. Selecting a row shows the result fields
of its type; a coded field offers only its own list and refuses a code of another. The status becomes "komplet"
by itself once every mandatory field is filled with a valid value (and back to "ufuldstændig" when one is emptied
or wrong), or by the button, which explains what is missing or wrong.

"Opret resultatindberetning" (`ri_manual`) makes a report by hand on a contact or a procedure: RAA11-RAA13, whose
official triggers are not public; such a report says so beside its fields (`ri-manual-note`).

Marks: `ri-show-pending`, `ri-pending-list`, `ri-pending-<RAAxx>`, `ri-process-all`, `ri-table`, `ri-details`,
`ri-field-<RDAxx>` per result field, `ri-status`, `ri-complete`, `ri-stale`.
"""

from __future__ import annotations

from typing import Any

from nicegui import events, ui

from seilocal.model.datetime_input import format_for_display
from seilocal.model.form import ResultReport
from seilocal.rules.result_types import (
    MANUAL_ONLY,
    MANUAL_ONLY_NOTE,
    ResultField,
    fields_of,
    missing_mandatory,
    value_problem,
)
from seilocal.rules.ri_values import Member, can_be_complete, invalid_values
from seilocal.rules.triggers import stale_reports, trigger_text, trigger_title

from ..fields import text_field, time_field
from ..form_editor import FormEditor
from ..ri_actions import ri_state
from ..ri_code_field import judged, ri_code_select
from ..ri_manual import ManualReport

STATUS_DA = {"complete": "komplet", "incomplete": "ufuldstændig"}
_COLUMNS = [
    {"name": "time", "label": "RI-tidspunkt", "field": "time", "align": "left"},
    {"name": "name", "label": "Resultatindberetning", "field": "name", "align": "left"},
    {"name": "trigger_text", "label": "Trigger", "field": "trigger_text", "align": "left"},
    {"name": "trigger", "label": "Triggerkode", "field": "trigger", "align": "left"},
    {"name": "status", "label": "Status", "field": "status", "align": "left"},
]


def report_row(index: int, report: ResultReport, stale: bool, text: str = "") -> dict[str, Any]:
    """The table cells of one report (`text`: the trigger's text)."""
    name = report.name or ""
    return {
        "index": index,
        "time": format_for_display(report.time) if report.time else "–",
        "name": f"{name} {trigger_title(name)}".strip(),
        "trigger_text": text or "–",
        "trigger": report.trigger.code or "–",
        "status": STATUS_DA.get(report.status, report.status) + (" · udløser findes ikke længere" if stale else ""),
    }


class ResultReportsSection:
    """The RI part of one open form."""

    def __init__(self, editor: FormEditor) -> None:
        self.editor = editor
        self.state = ri_state(editor)
        self.state.section = self
        self.selected: int | None = None
        with ui.row().classes("items-center gap-2"):
            self.show_button = ui.button("Vis ubehandlede RI", icon="playlist_add_check",
                                         on_click=self.toggle_pending).props("dense no-caps").mark("ri-show-pending")
            self.process_button = ui.button("Behandl alle", icon="done_all", on_click=self.state.process_all).props(
                "dense no-caps").mark("ri-process-all")
        self.manual = ManualReport(editor, self.select)
        self.pending_box = ui.column().classes("w-full gap-1").mark("ri-pending-list")
        self.pending_box.set_visibility(False)
        self._pending_drawn = False
        self.table = ui.table(columns=_COLUMNS, rows=[], row_key="index", selection="single").props(
            "dense flat bordered").classes("w-full").mark("ri-table")
        self.table.on_select(self._on_select)
        self.table.on("rowClick", lambda e: self.select(int(e.args[1]["index"])))
        self.details = ui.column().classes("w-full gap-2").mark("ri-details")
        editor.row_selectors["result_reports"] = self.select
        editor.on_saved(self._saved)
        self.refresh()

    @property
    def member(self) -> Member:
        """List membership over the catalog as it is now (an import in another tab counts at once)."""
        return self.state.member()

    def _judged(self, list_name: str, code: str) -> bool:
        return judged(self.editor.ctx.store.catalog, list_name, code)

    # -- pending triggers ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute pending triggers, stale reports and the table rows."""
        form, catalog = self.editor.form, self.editor.ctx.store.catalog
        pending = self.state.pending()
        stale = set(stale_reports(form, catalog)) if form.result_reports else set()
        self.show_button.set_enabled(bool(pending))
        self.process_button.set_enabled(bool(pending))
        self.show_button.set_text(f"Vis ubehandlede RI ({len(pending)})" if pending else "Vis ubehandlede RI")
        self.table.rows = [report_row(i, r, r.id in stale, trigger_text(form, r, catalog.text))
                           for i, r in enumerate(form.result_reports)]
        self.table.selected = [row for row in self.table.rows if row["index"] == self.selected]
        self.table.update()
        self._fill_pending()
        self.manual.refresh()

    def _fill_pending(self) -> None:
        # Drawn only while shown: a long course has a trigger per contact, a thousand labels nobody sees.
        if not self.pending_box.visible:
            self._pending_drawn = False
            return
        self._pending_drawn = True
        self.pending_box.clear()
        with self.pending_box:
            pending = self.state.pending()
            if not pending:
                ui.label("Ingen ubehandlede resultatindberetninger.").classes("text-grey-7")
            for trigger in pending:
                ui.label(f"{trigger.name} {trigger_title(trigger.name)} – {trigger.text}").mark(
                    f"ri-pending-{trigger.name}")

    def toggle_pending(self) -> None:
        """Show or hide the list of untreated triggers."""
        self._show_pending_box(not self.pending_box.visible)

    def show_pending(self) -> None:
        """Show the list of untreated triggers (the top bar's "Vis ubehandlede RI")."""
        self._show_pending_box(True)

    def _show_pending_box(self, visible: bool) -> None:
        self.pending_box.set_visibility(visible)
        if visible and not self._pending_drawn:
            self._fill_pending()

    def first_field_mark(self) -> str | None:
        """The mark of the selected report's first result field (where "Behandl alle" puts the focus)."""
        if self.selected is None:
            return None
        specs = fields_of(self.editor.form.result_reports[self.selected].name)
        return f"ri-field-{specs[0].code}" if specs else None

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
            if report.name in MANUAL_ONLY:
                ui.label(MANUAL_ONLY_NOTE).classes("text-caption text-grey-8").mark("ri-manual-note")
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
            # Only its own list; while the catalog lacks the list, the field says so and takes typed codes that
            # belong to no other field's list.
            ri_code_select(self.editor, spec, label, path, mark=mark, at_path=at_path, member=self.member)
        elif spec.kind == "time":
            time_field(self.editor, label, path, mark=mark)
        elif spec.kind in ("integer", "decimal"):
            text_field(self.editor, label, path, mark=mark, check=lambda text: (value_problem(spec, text), None))
        else:
            field = text_field(self.editor, label, path, mark=mark)
            if spec.kind == "text" and spec.code[:3] == "RDC":
                # SKS names no list and no kind for this result type: say why any text is taken.
                field.props["hint"] = "SKS angiver ikke værditypen; værdien kontrolleres ikke"

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
        if not can_be_complete(report, self.member, self._judged):
            ui.notify(f"Resultatindberetningen kan ikke markeres som komplet. {self._why_not(report)}.",
                      type="warning", multi_line=True)
            return
        self.editor.save(f"result_reports[{self.selected}].status", "complete")

    def _why_not(self, report: ResultReport) -> str:
        """What keeps a report from being complete: the missing fields, then the wrong values (Danish)."""
        parts = []
        missing = ", ".join(f.label for f in missing_mandatory(report))
        if missing:
            parts.append(f"Mangler: {missing}")
        wrong = "; ".join(reason for _spec, reason in invalid_values(report, self.member, self._judged))
        if wrong:
            parts.append(f"Ugyldig værdi: {wrong}")
        return ". ".join(parts) or "Et eller flere felter har en ugyldig værdi"

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
        wanted = "complete" if can_be_complete(report, self.member, self._judged) else "incomplete"
        if report.status != wanted:
            # save() calls this listener again with the status path, which does not re-enter here.
            self.editor.save(f"result_reports[{index}].status", wanted)

    def _show_status_safe(self) -> None:
        if self.selected is not None and hasattr(self, "status_label"):
            self._show_status()


def build(editor: FormEditor) -> None:
    """Build the result-reports section."""
    ResultReportsSection(editor)
