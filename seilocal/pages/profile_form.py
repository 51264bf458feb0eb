"""The practice profile's fields (F1), drawn alike on the first-start setup and the settings page.

Each change is saved at once (`profile_updater`): there is no "Gem" to forget. Marks are `<prefix>-clinic-name`,
`<prefix>-cvr`, `<prefix>-unit`, `<prefix>-payer`, `<prefix>-agreement` and `<prefix>-level`; the own-units list
keeps its `settings-own-unit…` marks wherever it is drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

from seilocal.model.profile import PracticeProfile, check_cvr, cvr_warning, normal_cvr
from seilocal.store.profile import load_profile, save_profile

from .code_field import code_field
from .context import AppContext
from .sor_field import sor_field, unit_label


def profile_fields(ctx: AppContext, prefix: str, *, autofocus: bool = False) -> None:
    """Clinic name, CVR, own SOR units and the defaults of new forms, each saved as it changes."""
    prefs = ctx.store.prefs
    catalog = ctx.store.catalog
    profile = load_profile(prefs)
    update = profile_updater(prefs, profile)

    def my_cvr() -> str | None:
        return normal_cvr(profile.cvr)

    with ui.grid(columns=2).classes("w-full gap-4"):
        ui.input("Klinikkens navn", value=profile.clinic_name or "",
                 on_change=lambda e: update("clinic_name", e.value)).props(
            "outlined dense" + (" autofocus" if autofocus else "")).mark(f"{prefix}-clinic-name")
        cvr = ui.input("CVR-nummer", value=profile.cvr or "").props("outlined dense").mark(f"{prefix}-cvr")
        cvr.without_auto_validation()

        def cvr_changed(value: str | None) -> None:
            show_cvr_check(cvr, value)
            update("cvr", value or "")

        cvr.on_value_change(lambda e: cvr_changed(e.value))
        if profile.cvr:
            show_cvr_check(cvr, profile.cvr)

    ui.label("Egne SOR-enheder").classes("text-subtitle1 q-mt-md")
    own_units_view(ctx, profile, update, my_cvr)

    ui.label("Standard for nye skemaer").classes("text-subtitle1 q-mt-md")
    sor_field(catalog, label="Forløbsansvar (SOR)", value=profile.responsible_unit,
              on_change=lambda v: update("responsible_unit", v), mark=f"{prefix}-unit", my_cvr=my_cvr)
    with ui.grid(columns=3).classes("w-full gap-4"):
        for name, label, list_name, suffix in PAYMENT_FIELDS:
            code_field(catalog, label=label, value=getattr(profile, name),
                       on_change=_setter(update, name), mark=f"{prefix}-{suffix}", list_name=list_name,
                       get_pref=prefs.get, set_pref=prefs.set, pref_key=f"code-mode.payment.{name}")


# (profile field, label, code list, mark suffix)
PAYMENT_FIELDS = [
    ("payer", "Betaler", "admin.betaler", "payer"),
    ("agreement", "Betalingsaftale", "admin.betalaftale", "agreement"),
    ("specialisation_level", "Specialiseringsniveau", "admin.specialeniv", "level"),
]


def _setter(update: Callable[[str, Any], None], name: str) -> Callable[[str | None], None]:
    """The change handler of one field: `name` bound now, not when the loop that makes the fields has ended."""
    return lambda value: update(name, value)


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
