"""Section "Forløbsoplysninger" (F4.4): start, responsible unit, label, start marker, forløbsID, end and closing."""

from __future__ import annotations

from nicegui import ui

from seilocal.model.workflow import referral_time_after_start_change

from ..fields import code_select, time_field, unit_select
from ..form_editor import FormEditor

CLOSE_WARNING = ("Afslut kun forløbet, når patienten er færdigbehandlet: kontakter efter sluttidspunktet "
                 "hører ikke til dette forløb.")


def build(editor: FormEditor) -> None:
    """Build the course section."""
    # The start the referral time may still be following (F4.5: it defaults to the course start).
    last_start = {"value": editor.get("course.start")}

    def start_saved(new_start: str | None) -> None:
        follow = referral_time_after_start_change(editor.get("referral.time"), last_start["value"], new_start)
        last_start["value"] = new_start
        if follow != editor.get("referral.time"):
            editor.save("referral.time", follow)  # the referral section shows it through on_saved

    with ui.grid(columns=2).classes("w-full gap-4"):
        time_field(editor, "Starttidspunkt *", "course.start", mark="course-start", on_saved=start_saved)
        unit_select(editor, "Forløbsansvar (SOR) *", "course.responsible_unit", mark="course-unit")
        code_select(editor, "Forløbslabel *", "course.label", mark="course-label", list_name="forloeb.label",
                    at_path="course.start")
        code_select(editor, "Startmarkør *", "course.start_marker", mark="course-start-marker",
                    list_name="forloeb.markoer", at_path="course.start")
        with ui.row().classes("items-center gap-1"):
            ui.label("ForløbsID:").classes("text-grey-8")
            ui.label(editor.form.course.id).classes("font-mono").mark("course-id")
            ui.button(icon="content_copy", on_click=lambda: _copy_id(editor)).props(
                'flat dense round size=sm aria-label="Kopiér forløbsID"').tooltip("Kopiér forløbsID").mark(
                "course-id-copy")
        time_field(editor, "Sluttidspunkt", "course.end", mark="course-end",
                   on_saved=lambda _end: show_closing())

    with ui.column().classes("w-full gap-2").mark("course-closing") as closing:
        ui.label(CLOSE_WARNING).classes("text-orange-10 bg-orange-1 q-pa-sm rounded-borders").mark(
            "course-close-warning")
        code_select(editor, "Afslutningsmåde *", "course.completion", mark="course-completion",
                    list_name="admin.afslutmaade", at_path="course.end")

    def show_closing() -> None:
        # A completion without an end stays visible, so it can be seen and cleared.
        closing.set_visibility(bool(editor.get("course.end") or editor.get("course.completion")))

    show_closing()


def _copy_id(editor: FormEditor) -> None:
    ui.clipboard.write(editor.form.course.id)
    ui.notify("ForløbsID er kopieret.")
