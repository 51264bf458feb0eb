"""Section "Forløbsoplysninger" (F4.4)."""

from __future__ import annotations

from nicegui import ui

from ..fields import text_field, time_field
from ..form_editor import FormEditor


def build(editor: FormEditor) -> None:
    """Build the course section."""
    with ui.grid(columns=2).classes("w-full gap-4"):
        time_field(editor, "Starttidspunkt", "course.start", mark="course-start")
        text_field(editor, "Forløbsansvar (SOR-kode)", "course.responsible_unit", mark="course-unit")
        text_field(editor, "Startmarkør", "course.start_marker", mark="course-start-marker")
