"""The details of one procedure (F4.8 on a contact, F4.9 without contact): code, times, producer, specs."""

from __future__ import annotations

from nicegui import ui

from seilocal.model import Payment

from .diagnoses_editor import code_list_field
from .fields import code_select, time_field, unit_select
from .form_editor import FormEditor
from .stale_fields import clear_stale


def needs_contrast(editor: FormEditor, code: str | None) -> bool:
    """True for a radiology procedure (a U-code or one of `proc.kontrast`): it may state the contrast used."""
    if not code:
        return False
    return code.upper().startswith("U") or editor.ctx.store.catalog.in_list("proc.kontrast", code)


def payment_fields(editor: FormEditor, path: str, *, mark: str) -> None:
    """The payment set of a procedure without contact; the set is created on the first value."""
    if editor.get(f"{path}.payment") is None and not editor.save(f"{path}.payment", Payment()):
        return
    ui.label("Betalingsoplysninger").classes("text-subtitle2")
    with ui.grid(columns=3).classes("w-full gap-4"):
        code_select(editor, "Betaler", f"{path}.payment.payer", mark=f"{mark}-payer", list_name="admin.betaler",
                    at_path=f"{path}.start")
        code_select(editor, "Betalingsaftale", f"{path}.payment.agreement", mark=f"{mark}-agreement",
                    list_name="admin.betalaftale", at_path=f"{path}.start")
        code_select(editor, "Specialiseringsniveau", f"{path}.payment.specialisation_level",
                    mark=f"{mark}-specialisation", list_name="admin.specialeniv", at_path=f"{path}.start")


def procedure_details(editor: FormEditor, path: str, *, mark: str, with_payment: bool = False) -> None:
    """Build the fields of the procedure at `path` (e.g. `contacts[1].procedures[0]` or `procedures[3]`)."""

    @ui.refreshable
    def contrast() -> None:
        if needs_contrast(editor, editor.get(f"{path}.code")):
            code_select(editor, "Anvendt kontrast", f"{path}.contrast", mark=f"{mark}-contrast",
                        list_name="spec.anvkontrast", at_path=f"{path}.start")

    last = {"code": editor.get(f"{path}.code")}

    def code_saved(code: str | None) -> None:
        previous, last["code"] = last["code"], code
        if not needs_contrast(editor, code):  # the contrast field goes: never keep its value hidden

            def shown_again(old: object) -> None:
                last["code"] = old
                code_widget.set_value(old)  # type: ignore[arg-type]

            clear_stale(editor, {f"{path}.contrast": None}, changed=f"{path}.code", previous=previous, box=notice,
                        names={"contrast": "Anvendt kontrast"}, restore_shown=shown_again, refresh=contrast.refresh)
        contrast.refresh()

    with ui.column().classes("w-full gap-2"):
        code_widget = code_select(editor, "Procedurekode *", f"{path}.code", mark=f"{mark}-code",
                                  list_name="proc", at_path=f"{path}.start", on_saved=code_saved)  # every procedure
        notice = ui.column().classes("w-full gap-0")
        with ui.grid(columns=2).classes("w-full gap-4"):
            time_field(editor, "Starttidspunkt *", f"{path}.start", mark=f"{mark}-start")
            time_field(editor, "Sluttidspunkt", f"{path}.end", mark=f"{mark}-end")
            unit_select(editor, "Procedureansvar (producent) *", f"{path}.producer", mark=f"{mark}-producer")
            code_select(editor, "Sideangivelse", f"{path}.side", mark=f"{mark}-side", list_name="spec.lateralproc",
                        at_path=f"{path}.start")
            code_select(editor, "Handlingsspecifikation", f"{path}.action_spec", mark=f"{mark}-action-spec",
                        list_name="spec.handspec", at_path=f"{path}.start")
            code_select(editor, "Personalekategori", f"{path}.staff_category", mark=f"{mark}-staff",
                        list_name="admin.personale", at_path=f"{path}.start")
        contrast()
        code_list_field(editor, "Tillægskoder", f"{path}.supplementary", mark=f"{mark}-supplementary",
                        list_name=None, date_path=f"{path}.start")
        with ui.row().classes("gap-4"):
            ui.switch("Udløs implantatindberetning", value=bool(editor.get(f"{path}.implant_report_requested")),
                      on_change=lambda e: editor.save(f"{path}.implant_report_requested", bool(e.value))).mark(
                f"{mark}-implant")
            ui.switch("Udløs tvangsindberetning", value=bool(editor.get(f"{path}.coercion_report_requested")),
                      on_change=lambda e: editor.save(f"{path}.coercion_report_requested", bool(e.value))).mark(
                f"{mark}-coercion")
        if with_payment:
            payment_fields(editor, path, mark=mark)
