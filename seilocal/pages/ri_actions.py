"""What "Vis ubehandlede RI" and "Behandl alle" do, shared by the form's top bar and the RI section (F4.10).

One `RiState` per open form: it computes the untreated triggers once per save (the top bar and the section both
ask), and holds the one implementation of both buttons. The section registers itself so the top bar can open
it, show its list of untreated triggers and select the report just created.

Marks (top bar): `top-ri-show` ("Vis ubehandlede RI (n)"), `top-ri-process` ("Behandl alle").
"""

from __future__ import annotations

from typing import Protocol, cast

from nicegui import ui

from seilocal.rules.ri_values import Member
from seilocal.rules.triggers import PendingTrigger, catalog_member, make_report, pending_triggers

from .focus import focus_mark
from .form_editor import FormEditor

SECTION = "result_reports"


class RiSection(Protocol):
    """What the RI section offers the shared actions."""

    def show_pending(self) -> None:
        """Show the list of untreated triggers."""

    def select(self, index: int | None) -> None:
        """Select a report and show its fields."""

    def first_field_mark(self) -> str | None:
        """The mark of the selected report's first field (None when nothing is selected)."""


class RiState:
    """The untreated triggers of one open form and the two RI actions."""

    def __init__(self, editor: FormEditor) -> None:
        self.editor = editor
        self.section: RiSection | None = None
        self._pending: list[PendingTrigger] | None = None
        # Registered before any reader's listener (the first reader creates this): stale answers are dropped first.
        editor.on_saved(self._forget)

    def _forget(self, _path: str) -> None:
        self._pending = None

    def pending(self) -> list[PendingTrigger]:
        """The triggers that hold and have no report yet."""
        if self._pending is None:
            self._pending = pending_triggers(self.editor.form, self.editor.ctx.store.catalog)
        return self._pending

    def member(self) -> Member:
        """List membership over the catalog (tri-state), for the RI fields' checks."""
        return catalog_member(self.editor.ctx.store.catalog)

    def _open_section(self) -> None:
        opener = self.editor.section_openers.get(SECTION)
        if opener:
            opener()

    def show_pending(self) -> None:
        """Open the RI section with its list of untreated triggers in view."""
        self._open_section()
        if self.section is not None:
            self.section.show_pending()
        _scroll_to("ri-pending-list", focus="ri-process-all")

    def process_all(self) -> None:
        """Create a report for every untreated trigger (one transaction each), then go to the first one."""
        first = len(self.editor.form.result_reports)
        created = 0
        for trigger in list(self.pending()):
            if self.editor.add_row(SECTION, make_report(trigger)) is None:
                break  # the editor told the user why (stale form, refused change)
            created += 1
        if not created:
            return
        ui.notify(f"{created} resultatindberetning{'er' if created > 1 else ''} oprettet", type="positive")
        self._open_section()
        if self.section is not None:
            self.section.select(first)
            mark = self.section.first_field_mark()
            if mark:
                _focus_when_shown(mark)


def ri_state(editor: FormEditor) -> RiState:
    """The RI state of an open form (made on first use; it lives and dies with the page)."""
    state = editor.page_parts.get(RiState)
    if state is None:
        state = editor.page_parts[RiState] = RiState(editor)
    return cast(RiState, state)


def ri_top_buttons(editor: FormEditor) -> None:
    """The top bar's RI buttons, only while there are untreated triggers (with their count)."""
    if editor.form.status == "cancelled":
        return
    state = ri_state(editor)
    count = len(state.pending())
    if not count:
        return
    ui.button(f"Vis ubehandlede RI ({count})", icon="playlist_add_check", on_click=state.show_pending).props(
        "outline no-caps color=warning").mark("top-ri-show")
    ui.button("Behandl alle", icon="done_all", on_click=state.process_all).props("outline no-caps").mark(
        "top-ri-process")


def _scroll_to(mark: str, focus: str | None = None) -> None:
    """Bring a marked element to the middle of the view (clear of the sticky header), focusing `focus`."""
    # Marks are our own constants (never user text): safe to put in the script.
    script = (
        "setTimeout(() => {"
        f" const el = document.querySelector('[data-testid=\"{mark}\"]');"
        " if (el) el.scrollIntoView({block: 'center', inline: 'nearest'});"
        f" const f = document.querySelector('[data-testid=\"{focus or ''}\"]');"
        " if (f) f.focus({preventScroll: true});"
        "}, 150);"
    )
    ui.run_javascript(script)


def _focus_when_shown(mark: str) -> None:
    """Focus the input of a marked field once the browser shows it (the section may still be opening), in view
    below the sticky header: the app's one focus helper (focus.py)."""
    focus_mark(mark)
