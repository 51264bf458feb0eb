"""Section "Henvisning" (F4.5): referring unit, time, method, free choice, reason and reference."""

from __future__ import annotations

from nicegui import ui

from ..fields import code_select, text_field, time_field, unit_select
from ..form_editor import FormEditor


def build(editor: FormEditor) -> None:
    """Build the referral section."""
    with ui.grid(columns=2).classes("w-full gap-4"):
        unit_select(editor, "Henvisende enhed (SOR)", "referral.referring_unit", mark="referral-unit")
        time_widget = time_field(editor, "Henvisningstidspunkt *", "referral.time", mark="referral-time")
        code_select(editor, "Henvisningsmåde *", "referral.method", mark="referral-method",
                    list_name="admin.henvmaade", at_path="referral.time")
        code_select(editor, "Frit valg *", "referral.free_choice", mark="referral-free-choice",
                    list_name="admin.fritvalg", at_path="referral.time")
        # A diagnosis or a procedure code: no single list covers both, so the whole catalog is searched.
        code_select(editor, "Henvisningsårsag", "referral.reason", mark="referral-reason", list_name=None,
                    at_path="referral.time")
        ui.element("div")  # keeps the reference pair on one line
        text_field(editor, "Reference-ID (andet forløb)", "referral.reference_id", mark="referral-reference-id")
        code_select(editor, "Referencetype", "referral.reference_type", mark="referral-reference-type",
                    list_name="forloeb.reftype", at_path="referral.time")

    def saved(path: str) -> None:
        # The course start sets the referral time while it follows it (course.py): show the new value.
        if path == "referral.time" and time_widget.value != editor.get("referral.time"):
            time_widget.set_value(editor.get("referral.time"))

    editor.on_saved(saved)
