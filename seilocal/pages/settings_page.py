"""The "Indstillinger" page: the practice profile (F1) and, below it, the import of code lists (B11)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

from seilocal.model.profile import PracticeProfile, check_cvr, cvr_warning, normal_cvr
from seilocal.store.forms_list import official_catalog
from seilocal.store.profile import load_profile, save_profile

from .backup_panel import backup_panel
from .catalog_import import catalog_import_panel
from .catalog_lists import catalog_lists_panel
from .code_field import code_field
from .context import AppContext
from .frame import frame
from .sor_field import sor_field, unit_label

CATALOG_ANCHOR = "kodelister"  # the import panel's place on this page, for the notice's button
STARTER_NOTICE = (
    "Kodelisterne er et startsæt, ikke den officielle SKS-klassifikation og SOR. Koder, tekster og enheder kan "
    "mangle eller være forkerte, og SOR-enhederne i startsættet er demo-enheder. Indlæs SKScomplete.txt og "
    "SOR-filen fra Sundhedsdatastyrelsen, før du indberetter."
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


PAYMENT_FIELDS = [
    ("payer", "Betaler", "admin.betaler", "settings-payer"),
    ("agreement", "Betalingsaftale", "admin.betalaftale", "settings-agreement"),
    ("specialisation_level", "Specialiseringsniveau", "admin.specialeniv", "settings-level"),
]


def profile_updater(prefs: Any, profile: PracticeProfile) -> Callable[[str, Any], None]:
    """A handler that sets one profile field and saves the profile at once (settings page and first start)."""

    def update(name: str, value: Any) -> None:
        # Saved on every change: there is no "Gem" to forget, and leaving half-way loses nothing. Text is kept as
        # typed; blanks mean "none".
        if isinstance(value, str):
            value = value.strip() or None
        try:
            setattr(profile, name, value)
        except ValueError:
            ui.notify("Værdien kunne ikke gemmes.", type="negative")
            return
        save_profile(prefs, profile)

    return update


def settings_page(ctx: AppContext) -> None:
    """Build the settings page."""
    prefs = ctx.store.prefs
    catalog = ctx.store.catalog
    profile = load_profile(prefs)

    update = profile_updater(prefs, profile)

    def my_cvr() -> str | None:
        return normal_cvr(profile.cvr)

    with frame("Indstillinger"):
        ui.label("Indstillinger").classes("text-h5")
        starter_catalog_notice(ctx, mark="settings-starter-notice")
        with ui.card().classes("w-full").mark("settings-profile"):
            ui.label("Praksisprofil").classes("text-h6")
            ui.label("Oplysningerne gemmes, så snart du ændrer dem, og bruges som standard i nye skemaer.").classes(
                "text-grey-7")
            with ui.grid(columns=2).classes("w-full gap-4"):
                ui.input("Klinikkens navn", value=profile.clinic_name or "",
                         on_change=lambda e: update("clinic_name", e.value)).props("outlined dense").mark(
                    "settings-clinic-name")
                cvr = ui.input("CVR-nummer", value=profile.cvr or "").props("outlined dense").mark("settings-cvr")
                cvr.without_auto_validation()

                def cvr_changed(value: str | None) -> None:
                    show_cvr_check(cvr, value)
                    update("cvr", value or "")

                cvr.on_value_change(lambda e: cvr_changed(e.value))
                show_cvr_check(cvr, profile.cvr)

            ui.label("Egne SOR-enheder").classes("text-subtitle1 q-mt-md")
            own_units_view(ctx, profile, update, my_cvr)

            ui.label("Standard for nye skemaer").classes("text-subtitle1 q-mt-md")
            with ui.grid(columns=2).classes("w-full gap-4"):
                sor_field(catalog, label="Forløbsansvar (SOR)", value=profile.responsible_unit,
                          on_change=lambda v: update("responsible_unit", v), mark="settings-unit", my_cvr=my_cvr)
            with ui.grid(columns=3).classes("w-full gap-4"):
                for name, label, list_name, mark in PAYMENT_FIELDS:
                    code_field(catalog, label=label, value=getattr(profile, name),
                               on_change=lambda v, n=name: update(n, v), mark=mark, list_name=list_name,
                               get_pref=prefs.get, set_pref=prefs.set, pref_key=f"code-mode.payment.{name}")

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


def show_cvr_check(field: ui.input, value: str | None) -> None:
    """Mark a CVR field: red when it is not 8 digits, a warning below it when the check digit does not fit."""
    field.error = check_cvr(value)
    field.props["hint"] = None if field.error else cvr_warning(value)
    field.update()


def own_units_view(ctx: AppContext, profile: PracticeProfile, update: Any, my_cvr: Any) -> None:
    """The list of the practice's own SOR units, with a field that adds one and a button per unit that removes it."""
    catalog = ctx.store.catalog

    @ui.refreshable
    def listing() -> None:
        if not profile.own_units:
            ui.label("Ingen endnu.").classes("text-grey-7").mark("settings-own-units-empty")
        for sor_id in profile.own_units:
            with ui.row().classes("items-center gap-2").mark("settings-own-unit"):
                ui.label(unit_label(sor_id, catalog.sor_get(sor_id)))
                ui.button(icon="close", on_click=lambda s=sor_id: remove(s)).props(
                    'flat dense round size=sm aria-label="Fjern enheden"').mark(f"settings-own-unit-remove-{sor_id}")

    def add(sor_id: str | None) -> None:
        if not sor_id:
            return
        if sor_id not in profile.own_units:
            update("own_units", [*profile.own_units, sor_id])
            listing.refresh()
        picker.set_value(None)  # ready for the next one

    def remove(sor_id: str) -> None:
        update("own_units", [u for u in profile.own_units if u != sor_id])
        listing.refresh()

    listing()
    picker = sor_field(catalog, label="Tilføj egen SOR-enhed", value=None, on_change=add,
                       mark="settings-own-unit-add", my_cvr=my_cvr)
