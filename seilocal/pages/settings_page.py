"""The "Indstillinger" page: the practice profile (F1) and, below it, the import of code lists (B11)."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from seilocal.model.profile import PracticeProfile, check_cvr, normal_cvr
from seilocal.store.profile import load_profile, save_profile

from .backup_panel import backup_panel
from .catalog_import import catalog_import_panel
from .catalog_lists import catalog_lists_panel
from .code_field import code_field
from .context import AppContext
from .frame import frame
from .sor_field import sor_field, unit_label

PAYMENT_FIELDS = [
    ("payer", "Betaler", "admin.betaler", "settings-payer"),
    ("agreement", "Betalingsaftale", "admin.betalaftale", "settings-agreement"),
    ("specialisation_level", "Specialiseringsniveau", "admin.specialniv", "settings-level"),
]


def settings_page(ctx: AppContext) -> None:
    """Build the settings page."""
    prefs = ctx.store.prefs
    catalog = ctx.store.catalog
    profile = load_profile(prefs)

    def update(name: str, value: Any) -> None:
        # Saved on every change: there is no "Gem" to forget. Text is kept as typed, blanks mean "none".
        if isinstance(value, str):
            value = value.strip() or None
        try:
            setattr(profile, name, value)
        except ValueError:
            ui.notify("Værdien kunne ikke gemmes.", type="negative")
            return
        save_profile(prefs, profile)

    def my_cvr() -> str | None:
        return normal_cvr(profile.cvr)

    with frame("Indstillinger"):
        ui.label("Indstillinger").classes("text-h5")
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
                    cvr.error = check_cvr(value)
                    update("cvr", value or "")

                cvr.on_value_change(lambda e: cvr_changed(e.value))
                cvr.error = check_cvr(profile.cvr)

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
            ui.label("Kodelister").classes("text-h6 q-mt-md")
            catalog_import_panel(ctx.store.path)
            catalog_lists_panel(ctx.store.path)
            ui.label("Backup").classes("text-h6 q-mt-md")
            backup_panel(ctx)


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
