"""Section "Patient" (F4.3): CPR with its checks, name filled from the local patient register."""

from __future__ import annotations

from nicegui import ui

from seilocal.model.cpr import check_cpr

from ..fields import text_field
from ..form_editor import FormEditor


def cpr_check(text: str) -> tuple[str | None, str | None]:
    """The CPR field's message: an error (red, never blocks saving) or a note (e.g. replacement CPR)."""
    result = check_cpr(text)
    if result.errors:
        return result.errors[0], None
    notes = list(result.warnings)
    if result.kind == "cpr" and result.birth_date:
        sex = {"M": "mand", "F": "kvinde"}.get(result.sex or "", "")
        notes.insert(0, f"Født {result.birth_date.strftime('%d-%m-%Y')}, {sex}")
    return None, " · ".join(notes) or None


def build(editor: FormEditor) -> None:
    """Build the patient section."""
    name_field: ui.input | None = None

    def fill_name_from_register(cpr: str | None) -> None:
        # F4.3: a patient seen before is filled in from the local register when the name is still empty.
        if not cpr or editor.form.patient.name or name_field is None:
            return
        known = editor.ctx.store.forms.patient_name(cpr)
        if known:
            name_field.value = known  # its change handler saves it
            ui.notify(f"Navn hentet fra tidligere skema: {known}")

    # Wide enough for the CPR field's notes (birth date, modulus 11) to fit under it in two or three lines.
    with ui.row().classes("w-full no-wrap gap-4 q-pb-md"):
        with ui.column().classes("w-96"):
            text_field(editor, "CPR-nummer *", "patient.cpr", mark="patient-cpr", check=cpr_check,
                       on_saved=fill_name_from_register)
        with ui.column().classes("grow"):
            name_field = text_field(editor, "Navn", "patient.name", mark="patient-name")
