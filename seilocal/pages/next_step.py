"""The "Anbefalet arbejdsgang" hint of F2 in the form header: one line, refreshed after every save."""

from __future__ import annotations

from nicegui import ui

from seilocal.model.workflow import next_step_hint, workflow_stage

from .form_editor import FormEditor

_ICONS = {"first_contact": "assignment", "open": "timeline", "closing": "flag", "closed": "task_alt",
          "cancelled": "block"}


def next_step_view(editor: FormEditor) -> None:
    """Show the next step of the recommended workflow for the open form."""

    @ui.refreshable
    def view() -> None:
        with ui.row().classes("items-center gap-2 text-blue-10").mark("next-step"):
            ui.icon(_ICONS.get(workflow_stage(editor.form), "info"))
            ui.label(next_step_hint(editor.form)).mark("next-step-text")

    view()
    editor.on_saved(lambda _path: view.refresh())
