"""The "Indstillinger" page: the practice profile (F1) and, below it, the import of code lists (B11)."""

from __future__ import annotations

from nicegui import ui

from seilocal.store.forms_list import official_catalog

from .backup_panel import backup_panel
from .catalog_import import catalog_import_panel
from .catalog_lists import catalog_lists_panel
from .context import AppContext
from .frame import frame
from .profile_form import profile_fields

CATALOG_ANCHOR = "kodelister"  # the import panel's place on this page, for the notice's button
STARTER_NOTICE = (
    "Den medfølgende SKS er alle koder og tekster pr. juni 2026 (SKS 2026-06), men uden gyldighedsdatoer: indtil "
    "den officielle SKScomplete.txt er indlæst, regnes hver kode som gyldig på alle datoer, og en kode, SKS har "
    "udgået, opdages ikke. Kodelister, som SKS selv afgrænser, er afledt af SKS 2026-06 og blokerer som officielle. "
    "SOR-enhederne i startsættet er demo-enheder. Indlæs SKScomplete.txt og SOR-filen fra Sundhedsdatastyrelsen, "
    "før du indberetter."
)


def starter_catalog_notice(ctx: AppContext, *, mark: str) -> None:
    """A notice while the bundled starter catalog is in use (no official SKS or SOR import yet)."""
    sks, sor = official_catalog(ctx.store.db)
    if sks and sor:
        return
    missing = " og ".join(name for name, done in (("SKS-koderne", sks), ("SOR-enhederne", sor)) if not done)
    with ui.card().classes("w-full bg-amber-1").props("flat bordered").mark(mark):
        with ui.row().classes("w-full items-center no-wrap gap-3"):
            ui.icon("info", color="warning", size="md")
            with ui.column().classes("grow gap-0"):
                ui.label(f"Startsæt i brug: {missing} er ikke indlæst fra de officielle filer.").classes(
                    "text-weight-bold")
                ui.label(STARTER_NOTICE)
            ui.button("Indlæs kodelister", icon="upload", on_click=lambda: _go_to_import()).props(
                "outline").mark(f"{mark}-import")


def _go_to_import() -> None:
    ui.navigate.to(f"/indstillinger#{CATALOG_ANCHOR}")


def settings_page(ctx: AppContext) -> None:
    """Build the settings page."""
    with frame("Indstillinger"):
        ui.label("Indstillinger").classes("text-h5")
        starter_catalog_notice(ctx, mark="settings-starter-notice")
        with ui.card().classes("w-full").mark("settings-profile"):
            ui.label("Praksisprofil").classes("text-h6")
            ui.label("Oplysningerne gemmes, så snart du ændrer dem, og bruges som standard i nye skemaer.").classes(
                "text-grey-7")
            profile_fields(ctx, "settings")

        if ctx.store.path is not None:
            ui.element("div").props(f"id={CATALOG_ANCHOR}")  # an anchor only: never updated, so its own id may go
            # A fresh page is drawn after the browser looked for the #anchor: scroll to it once drawn.
            scroll = f"document.getElementById('{CATALOG_ANCHOR}').scrollIntoView()"
            ui.timer(0.3, once=True, callback=lambda: ui.run_javascript(
                f"if (location.hash === '#{CATALOG_ANCHOR}') {scroll}"))
            ui.label("Kodelister").classes("text-h6 q-mt-md")
            catalog_import_panel(ctx.store.path)
            catalog_lists_panel(ctx.store.path)
            ui.label("Backup").classes("text-h6 q-mt-md")
            backup_panel(ctx)
            from .encryption_settings import encryption_panel  # issue 16's card, kept in its own module

            encryption_panel(ctx)
