"""The details of one patient contact (F4.8): times, type, priority, reason, unit, diagnoses and procedures."""

from __future__ import annotations

from nicegui import ui

from seilocal.model.datetime_input import format_for_display
from seilocal.model.prefill import new_procedure

from .diagnoses_editor import contact_date, diagnoses_editor
from .fields import code_select, time_field, unit_select
from .form_editor import FormEditor
from .procedure_editor import procedure_details
from .row_table import Column, row_table
from .stale_fields import clear_stale

REASON_REQUIRED = "Kontaktårsag skal udfyldes, når kontakten er akut"


def is_acute(editor: FormEditor, contact_path: str) -> bool:
    """True when the contact's priority is an acute one (`admin.prioritet.akut`)."""
    priority = editor.get(f"{contact_path}.priority")
    at = contact_date(editor, contact_path)
    return bool(priority) and editor.ctx.store.catalog.in_list("admin.prioritet.akut", priority, at)


def procedure_columns() -> list[Column]:
    """The columns of a procedures table (on a contact and without contact)."""
    return [
        Column("code", "Procedure", lambda p: p.code or ""),
        Column("start", "Start", lambda p: format_for_display(p.start)),
        Column("end", "Slut", lambda p: format_for_display(p.end)),
        Column("side", "Side", lambda p: p.side or ""),
    ]


def contact_details(editor: FormEditor, path: str) -> None:
    """Build the details of the contact at `path` (e.g. `contacts[2]`)."""

    @ui.refreshable
    def reason() -> None:
        if is_acute(editor, path):
            field = code_select(editor, "Kontaktårsag *", f"{path}.reason", mark="contact-reason",
                                list_name="admin.kontaarsag", at_path=f"{path}.start",
                                on_saved=lambda _v: mark_reason())

            def mark_reason() -> None:
                field.set_error(None if editor.get(f"{path}.reason") else REASON_REQUIRED)

            mark_reason()

    with ui.column().classes("w-full gap-3 q-pa-sm").mark("contact-details") as details:
        with ui.grid(columns=2).classes("w-full gap-4"):
            time_field(editor, "Starttidspunkt *", f"{path}.start", mark="contact-start")
            time_field(editor, "Sluttidspunkt", f"{path}.end", mark="contact-end")
            code_select(editor, "Kontakttype *", f"{path}.type", mark="contact-type", list_name="admin.konttype",
                        at_path=f"{path}.start")
            priority = code_select(editor, "Prioritet *", f"{path}.priority", mark="contact-priority",
                                   list_name="admin.prioritet", at_path=f"{path}.start",
                                   on_saved=lambda v: priority_saved(v))
            unit_select(editor, "Kontaktansvar (SOR) *", f"{path}.responsible_unit", mark="contact-unit")
            with ui.column().classes("w-full"):
                notice = ui.column().classes("w-full gap-0")
                reason()

    last = {"priority": editor.get(f"{path}.priority")}

    def priority_saved(value: str | None) -> None:
        previous, last["priority"] = last["priority"], value
        if not is_acute(editor, path):  # the reason is asked for only on an acute contact: never keep it hidden

            def shown_again(old: object) -> None:
                last["priority"] = old
                priority.set_value(old)  # type: ignore[arg-type]

            clear_stale(editor, {f"{path}.reason": None}, changed=f"{path}.priority", previous=previous, box=notice,
                        names={"reason": "Kontaktårsag"}, restore_shown=shown_again, refresh=reason.refresh)
        reason.refresh()

    with details:
        diagnoses_editor(editor, path)
        ui.label("Procedurer").classes("text-subtitle1")
        row_table(
            editor, f"{path}.procedures", mark="contact-procedures", noun="procedure",
            columns=procedure_columns(),
            new_row=lambda: new_procedure(editor.form, editor.ctx.clock(), editor.get(path)),
            details=lambda proc_path, _i: procedure_details(editor, proc_path, mark="contact-procedure"),
            sort_key=lambda p: p.start or "",
            rows_per_page=10,
        )
