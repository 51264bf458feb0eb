""""Opret resultatindberetning": a result report made by hand on a contact or a procedure (RAA11-RAA13).

SKS has had these reports since 2018 (høreapparat, alkoholbehandling NAB, stofmisbrugsbehandling SIB), but
their official triggers are not public here, so nothing proposes them: the user picks the report and the contact
or procedure it belongs to. Marks: `ri-new-name`, `ri-new-target`, `ri-new-create`.
"""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from seilocal.model.datetime_input import format_for_display
from seilocal.model.form import Form
from seilocal.rules.result_types import MANUAL_ONLY, REPORT_TITLES
from seilocal.rules.triggers import manual_report

from .form_editor import FormEditor

SECTION = "result_reports"


def report_options() -> dict[str, str]:
    """The reports one can make by hand, with their Danish titles."""
    return {name: f"{name} {REPORT_TITLES[name]}" for name in sorted(MANUAL_ONLY)}


def target_options(form: Form) -> dict[str, str]:
    """Every contact and procedure of the form by id, named as the user sees them (Danish)."""
    out: dict[str, str] = {}
    for n, contact in enumerate(form.contacts, start=1):
        when = format_for_display(contact.start) if contact.start else "uden starttidspunkt"
        out[contact.id] = f"Kontakt {n} ({when})"
        for i, proc in enumerate(contact.procedures, start=1):
            out[proc.id] = f"Procedure {i} på kontakt {n}: {proc.code or 'uden kode'}"
    for n, proc in enumerate(form.procedures, start=1):
        out[proc.id] = f"Procedure uden kontakt {n}: {proc.code or 'uden kode'}"
    return out


class ManualReport:
    """The row of controls that makes a report by hand; `created(index)` selects the new report."""

    def __init__(self, editor: FormEditor, created: Callable[[int], None]) -> None:
        self.editor = editor
        self.created = created
        with ui.row().classes("items-center gap-2 w-full"):
            self.name = ui.select(report_options(), label="Resultatindberetning").props("dense outlined").classes(
                "min-w-[16rem]").mark("ri-new-name")
            self.target = ui.select({}, label="Patientkontakt eller procedure").props("dense outlined").classes(
                "min-w-[18rem]").mark("ri-new-target")
            self.button = ui.button("Opret resultatindberetning", icon="add", on_click=self.create).props(
                "dense no-caps").mark("ri-new-create")
        self.refresh()

    def refresh(self) -> None:
        """Offer the contacts and procedures the form has now."""
        options = target_options(self.editor.form)
        self.target.set_options(options, value=self.target.value if self.target.value in options else None)
        self.button.set_enabled(self.editor.form.status != "cancelled")

    def create(self) -> None:
        """Make the chosen report on the chosen contact or procedure, or say what is missing."""
        name, ref = self.name.value, self.target.value
        if not name or not ref:
            ui.notify("Vælg en resultatindberetning og den patientkontakt eller procedure, den hører til.",
                      type="warning")
            return
        index = self.editor.add_row(SECTION, manual_report(name, self.editor.form, ref))
        if index is None:
            return  # the editor told the user why
        ui.notify(f"{REPORT_TITLES[name]} oprettet", type="positive")
        self.created(index)
