"""The result box under the form header (F5, B3): live validation with rule numbers, red marks, jumps.

Every rule runs on page load and on "Validér"; after a save only the rules the saved path can change run again
(`rules/incremental.py`, issue 23.3: the full run's findings, a few ms at 1,000 contacts). A small form's box is
redrawn at once; for a form with hundreds of contacts, the redraws are coalesced by a short timer so typing never
waits for the browser. Nothing of a finding is logged: messages may quote what the user typed.

Marks: `validation-box`, `validation-summary`, `validation-run` (the "Valider" button), `validation-list`,
`validation-ok` (blue), `validation-errors` (red), `validation-warnings` (yellow), `validation-notes` (rules
that cannot run here), `finding-<rule>` per finding. A new form nobody has typed in yet is neutral: the summary
says "Mangler: N felter" in grey, the list is `validation-missing`, no field is red, until the first save in
the tab or "Valider".
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from nicegui import ui

from seilocal.rules import Finding
from seilocal.rules.context import UNCONFIRMED_NOTE
from seilocal.rules.incremental import IncrementalValidator

from .focus import focus_mark
from .form_editor import FormEditor
from .long_course import COALESCE_S, validates_after_open

# A long list costs the browser dearly (800 findings took 4 s to draw): show the first ones, the rest on demand.
SHOWN_PER_SEVERITY = 40

SECTION_NAMES: dict[str, str] = {
    "patient": "Patient",
    "course": "Forløbsoplysninger",
    "referral": "Henvisning",
    "payment": "Betalingsoplysninger",
    "markers": "Forløbsmarkører",
    "contacts": "Patientkontakter",
    "procedures": "Procedurer uden patientkontakt",
    "result_reports": "Resultatindberetninger",
}
_ROW_NOUNS: dict[str, str] = {
    "markers": "markør",
    "contacts": "kontakt",
    "diagnoses": "diagnose",
    "procedures": "procedure",
    "result_reports": "resultatindberetning",
    "supplementary": "tillægskode",
    "metastases": "metastase",
    "local_recurrences": "lokalrecidiv",
}
_STEP = re.compile(r"([A-Za-z_]+)\[(\d+)\]")


def section_at(finding: Finding) -> str:
    """The page section the finding's field is in: its path's first step (a contact's procedure is under
    "Patientkontakter", though its rule is a procedure rule), else the rule's own section."""
    head = finding.path.split(".", 1)[0].split("[", 1)[0]
    return head if head in SECTION_NAMES else finding.section


def where_of(finding: Finding) -> str:
    """Where a finding is, in Danish: its section and the rows of its path (`Patientkontakter, kontakt 3`)."""
    parts = [SECTION_NAMES.get(section_at(finding), finding.section)]
    for name, index in _STEP.findall(finding.path):
        parts.append(f"{_ROW_NOUNS.get(name, 'række')} {int(index) + 1}")
    return ", ".join(parts)


def field_messages(findings: list[Finding]) -> dict[str, str]:
    """The red message each field path should show: its errors, joined. Warnings stay in the box only:
    a field is red only when something must be fixed (a failed modulus 11 check, say, must not look fatal)."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.severity == "error":
            by_path.setdefault(finding.path, []).append(finding)
    return {path: " · ".join(f"{f.rule}: {f.message}" for f in group) for path, group in by_path.items()}


def summary_text(findings: list[Finding]) -> str:
    """The one-line Danish summary of a validation; rules that cannot run here are named, not counted as faults."""
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    notes = len(findings) - errors - warnings
    unchecked = f" ({notes} {'regel' if notes == 1 else 'regler'} kan ikke kontrolleres)" if notes else ""
    if not errors and not warnings:
        return "Valideret uden fejl" + unchecked
    parts = []
    if errors:
        parts.append(f"{errors} fejl")
    if warnings:
        parts.append(f"{warnings} advarsel" if warnings == 1 else f"{warnings} advarsler")
    return "Validering: " + " og ".join(parts) + unchecked


def missing_text(findings: list[Finding]) -> str:
    """The neutral summary of a form nobody has typed in yet: how many fields are still to fill, not "fejl"."""
    fields = len({f.path for f in findings if f.severity == "error"})
    if not fields:
        return "Intet mangler"
    return f"Mangler: {fields} {'felt' if fields == 1 else 'felter'}"


class ValidationPanel:
    """The result box of one open form."""

    def __init__(self, editor: FormEditor) -> None:
        self.editor = editor
        self.findings: list[Finding] = []
        self.last_ms = 0.0
        self._shown: tuple[Finding, ...] | None = None
        self._marked: dict[str, str] = {}
        self._show_all = False
        self._pending: ui.timer | None = None
        self._validator: IncrementalValidator | None = None
        # A new form nobody typed in yet says what is missing, neutrally: red only after typing or "Valider".
        self.armed = editor.stored.revision > 1 or editor.form.status != "draft"
        with ui.card().classes("w-full q-pa-none").props("flat bordered").mark("validation-box") as self.root:
            with ui.row().classes("w-full items-start no-wrap gap-0"):
                with ui.expansion(value=False).classes("grow").props("dense") as self.expansion:
                    with self.expansion.add_slot("header"):
                        with ui.row().classes("w-full items-center no-wrap gap-2"):
                            self.icon = ui.icon("check_circle")
                            self.summary = ui.label("").classes("text-weight-medium").mark("validation-summary")
                    self.body = ui.column().classes("w-full gap-2 q-pa-sm").mark("validation-list")
                # The list is drawn only while the box is open: dozens of findings cost the browser more
                # than the rest of the page when it opens.
                self.expansion.on_value_change(lambda e: self._render() if e.value else None)
                ui.button("Validér", icon="fact_check", on_click=self.validate_now).props(
                    "dense no-caps unelevated").classes("q-ma-xs").mark("validation-run")
        editor.on_saved(self._saved)
        if validates_after_open(self.editor.form):
            # A long course is validated once the page is in the browser, not while the server builds it (issue
            # 23: the rules were half of opening a 1,000-contact form); the box says so meanwhile.
            self.summary.set_text("Validerer …")
            self.icon.props("name=hourglass_empty color=grey-7")
            with self.root:
                self._pending = ui.timer(0, self.run, once=True)
        else:
            self.run()

    # -- running the rules ---------------------------------------------------------------------

    def run(self) -> None:
        """Validate the whole form as it is now and refresh the box and the red marks."""
        self._pending = None
        started = time.perf_counter()
        ctx = self.editor.ctx
        self._validator = IncrementalValidator(self.editor.form, ctx.store.catalog, ctx.clock())
        self.findings = self._validator.findings
        self.last_ms = (time.perf_counter() - started) * 1000
        self._show()

    def _update(self, path: str) -> None:
        """Re-run only the rules an edit at `path` can change (issue 23.3): the full run's findings, in a few ms."""
        validator, ctx = self._validator, self.editor.ctx
        if validator is None or validator.form is not self.editor.form:
            self.run()
            return
        started = time.perf_counter()
        self.findings = validator.update(path, ctx.clock(), ctx.store.catalog)
        self.last_ms = (time.perf_counter() - started) * 1000

    def _show(self) -> None:
        self._pending = None
        self._render()
        self._mark_fields()

    def validate_now(self) -> None:
        """The "Valider" button: run at once and open the box."""
        if self._pending is not None:
            self._pending.cancel()
        self._arm()
        self.expansion.open()
        self.run()
        if self.findings:
            focus_mark("validation-list")  # the focus rule: to what the action made, the first finding

    def _arm(self) -> None:
        if not self.armed:
            self.armed = True
            self._shown = None  # the list is drawn again, now in the colours of errors

    def _saved(self, path: str) -> None:
        self._arm()
        self._update(path)  # every edit, at once: the validator must see each path
        if not validates_after_open(self.editor.form):
            self._show()
        elif self._pending is None:
            # Drawing the box and the marks of a big form is what costs: gather the saves of a short while.
            # Created inside the box, not in the edited widget's container, which a table may rebuild.
            with self.root:
                self._pending = ui.timer(COALESCE_S, self._show, once=True)

    # -- the box -------------------------------------------------------------------------------

    def _render(self) -> None:
        errors = [f for f in self.findings if f.severity == "error"]
        warnings = [f for f in self.findings if f.severity == "warning"]
        notes = [f for f in self.findings if f.severity not in ("error", "warning")]
        if not self.armed and errors:
            self.summary.set_text(missing_text(self.findings))
            self.icon.props("name=edit_note color=grey-7")
            self.root.classes(remove="bg-red-1 bg-amber-1 bg-blue-1", add="bg-grey-2")
        else:
            self.summary.set_text(summary_text(self.findings))
            colour = "negative" if errors else "warning" if warnings else "info"
            self.icon.props(f'name={"error" if errors else "warning" if warnings else "check_circle"} color={colour}')
            self.root.classes(remove="bg-red-1 bg-amber-1 bg-blue-1 bg-grey-2",
                              add="bg-red-1" if errors else "bg-amber-1" if warnings else "bg-blue-1")
        if not self.expansion.value:
            return  # drawn when the box is opened
        shown = tuple(self.findings)
        if shown == self._shown:
            return  # most edits change no finding: keep the list as it is
        self._shown = shown
        self.body.clear()
        with self.body:
            if not errors and not warnings:
                ui.label("Valideret uden fejl").classes("text-blue-10 bg-blue-1 q-pa-sm rounded-borders w-full") \
                    .mark("validation-ok")
            if errors and not self.armed:
                self._group("Mangler (udfyldes før indberetning)", errors, "validation-missing", "grey")
            elif errors:
                self._group("Fejl (skal rettes før indberetning)", errors, "validation-errors", "red")
            if warnings:
                self._group("Advarsler (forhindrer ikke indberetning)", warnings, "validation-warnings", "amber")
            if notes:
                self._group("Kan ikke kontrolleres her (en kodeliste mangler)", notes, "validation-notes", "blue-grey")

    def _group(self, title: str, findings: list[Finding], mark: str, colour: str) -> None:
        with ui.column().classes(f"w-full gap-0 bg-{colour}-1 q-pa-sm rounded-borders").mark(mark):
            ui.label(f"{title}: {len(findings)}").classes(f"text-weight-bold text-{colour}-10")
            limit = len(findings) if self._show_all else SHOWN_PER_SEVERITY
            with ui.list().props("dense separator").classes("w-full"):
                for finding in findings[:limit]:
                    self._item(finding, colour)
            if len(findings) > limit:
                ui.button(f"Vis alle {len(findings)}", on_click=self._expand_all).props(
                    "flat dense no-caps").mark(f"{mark}-all")

    def _expand_all(self) -> None:
        self._show_all = True
        self._shown = None  # draw the list again, now whole
        self._render()

    def _item(self, finding: Finding, colour: str) -> None:
        with ui.item(on_click=self._jump(finding)).props("clickable").mark(f"finding-{finding.rule}"):
            with ui.item_section().props("side"):
                ui.badge(finding.rule, color=f"{colour}-8").classes("font-mono")
            with ui.item_section():
                ui.item_label(finding.message)
                ui.item_label(where_of(finding)).props("caption")
                if finding.unconfirmed:  # beside the text, not in it: the rule's own words stay as they are
                    ui.item_label(f"Vist som advarsel: {UNCONFIRMED_NOTE} ({finding.unconfirmed})").props(
                        "caption").classes("text-italic").mark(f"finding-{finding.rule}-unconfirmed")

    def _jump(self, finding: Finding) -> Callable[[], None]:
        def jump() -> None:
            self.editor.reveal(finding.path, section_at(finding))
            # The selected row's details are built anew: mark their fields once they registered.
            with self.root:
                ui.timer(0.05, self._mark_fields, once=True)

        return jump

    # -- red marks on the fields ---------------------------------------------------------------

    def _mark_fields(self) -> None:
        # No red fields on a form nobody has typed in yet: an empty field is only "missing" there.
        wanted = field_messages(self.findings) if self.armed else {}
        fields = self.editor.fields
        for path in list(self._marked):
            if path not in wanted:
                handle = fields.get(path)
                if handle:
                    handle.set_error(None)
                del self._marked[path]
        for path, message in wanted.items():
            handle = fields.get(path)
            if handle is None:
                continue
            # Re-mark every time: a rebuilt widget under the same path starts unmarked.
            handle.set_error(message)
            self._marked[path] = message


def validation_panel(editor: FormEditor) -> ValidationPanel:
    """Build the result box for the open form and keep it current."""
    return ValidationPanel(editor)
