"""The frame around every page: the top bar with the app's name and its navigation."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from nicegui import ui
from nicegui.translations import translations

from . import focus

# NiceGUI has no Danish texts for its "connection lost" banner; the app runs with language="da".
translations["da"] = {
    "connection_lost": "Forbindelsen til programmet er afbrudt.",
    "trying_to_reconnect": "Prøver at forbinde igen …",
    "message_too_long": "Beskeden er for lang",
    "message_too_long_body": "Beskeden er for stor til at blive sendt.",
}

# One casing for every button and toggle: as written ("Opret skema"), never Quasar's default CAPITALS, whether or
# not a page remembered the `no-caps` prop.
BUTTON_CASE_CSS = ".q-btn { text-transform: none; }"

TOP_BAR_PX = 56  # fixed, so sticky parts of a page know where the bar ends


@contextmanager
def frame(title: str) -> Iterator[None]:
    """Page chrome: a top bar with navigation, then the page's own content in a centred column."""
    ui.page_title(f"{title} – SEI-LPR lokal")
    ui.add_css(BUTTON_CASE_CSS)
    focus.install()  # the one focus rule: kept in view below the header, ✕ icons no Tab stops
    with ui.header(elevated=True).classes("items-center bg-blue-9 q-py-xs").style(f"height: {TOP_BAR_PX}px"):
        ui.label("SEI-LPR lokal").classes("text-h6 text-white")
        ui.space()
        ui.link("Skemaer", "/").classes("text-white").mark("nav-forms")
        ui.link("Indstillinger", "/indstillinger").classes("text-white q-ml-md").mark("nav-settings")
    with ui.column().classes("w-full max-w-screen-xl mx-auto q-pa-md gap-2"):
        yield
