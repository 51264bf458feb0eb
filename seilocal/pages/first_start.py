"""First start (F1): a short setup of the practice profile, shown before the forms list of a new data folder.

It can be skipped; the profile can always be filled in later under "Indstillinger". Whether the setup was
finished or skipped is kept in the store's preferences (never in app.storage), so it is asked once per data folder.
"""

from __future__ import annotations

from nicegui import ui

from seilocal.model.profile import is_blank, normal_cvr
from seilocal.store.profile import load_profile

from .code_field import code_field
from .context import AppContext
from .frame import frame
from .settings_page import PAYMENT_FIELDS, own_units_view, profile_updater, show_cvr_check
from .sor_field import sor_field

FIRST_START_KEY = "first_start"  # "done" or "skipped"; absent while the setup has not been answered
SETUP_PATH = "/velkommen"


def first_start_pending(ctx: AppContext) -> bool:
    """True on the first start of a new data folder: no answer to the setup, no profile and no forms yet."""
    prefs = ctx.store.prefs
    if prefs.get(FIRST_START_KEY):
        return False
    # A data folder from before this setup existed already has a profile or forms: it is not new.
    return is_blank(load_profile(prefs)) and not ctx.store.forms.search("", limit=1)


def first_start_page(ctx: AppContext) -> None:
    """The setup as a page of its own (also reachable later from "Indstillinger")."""
    with frame("Velkommen"):
        setup_card(ctx)


def setup_card(ctx: AppContext) -> None:
    """The practice profile asked in a few fields, with "Gem og fortsæt" and "Spring over"."""
    prefs = ctx.store.prefs
    catalog = ctx.store.catalog
    profile = load_profile(prefs)

    update = profile_updater(prefs, profile)

    def my_cvr() -> str | None:
        return normal_cvr(profile.cvr)

    def finish(answer: str) -> None:
        prefs.set(FIRST_START_KEY, answer)
        ui.navigate.to("/")

    with ui.card().classes("w-full").mark("first-start"):
        ui.label("Velkommen til SEI-LPR lokal").classes("text-h5")
        ui.label("Udfyld praksisprofilen, så nye skemaer starter med praksissens oplysninger. "
                 "Du kan springe over og gøre det senere under Indstillinger.").classes("text-grey-8")
        with ui.grid(columns=2).classes("w-full gap-4"):
            ui.input("Klinikkens navn", value=profile.clinic_name or "",
                     on_change=lambda e: update("clinic_name", e.value)).props("outlined dense autofocus").mark(
                "first-start-clinic-name")
            cvr = ui.input("CVR-nummer", value=profile.cvr or "").props("outlined dense").mark("first-start-cvr")
            cvr.without_auto_validation()

            def cvr_changed(value: str | None) -> None:
                show_cvr_check(cvr, value)
                update("cvr", value or "")

            cvr.on_value_change(lambda e: cvr_changed(e.value))
        ui.label("Egne SOR-enheder").classes("text-subtitle1 q-mt-sm")
        own_units_view(ctx, profile, update, my_cvr)
        ui.label("Standard for nye skemaer").classes("text-subtitle1 q-mt-sm")
        sor_field(catalog, label="Forløbsansvar (SOR)", value=profile.responsible_unit,
                  on_change=lambda v: update("responsible_unit", v), mark="first-start-unit", my_cvr=my_cvr)
        with ui.grid(columns=3).classes("w-full gap-4"):
            for name, label, list_name, _mark in PAYMENT_FIELDS:
                code_field(catalog, label=label, value=getattr(profile, name),
                           on_change=lambda v, n=name: update(n, v), mark=f"first-start-{name.replace('_', '-')}",
                           list_name=list_name, get_pref=prefs.get, set_pref=prefs.set,
                           pref_key=f"code-mode.payment.{name}")
        with ui.row().classes("w-full justify-end gap-2 q-mt-md"):
            ui.button("Spring over", on_click=lambda: finish("skipped")).props("flat").mark("first-start-skip")
            ui.button("Gem og fortsæt", on_click=lambda: finish("done")).mark("first-start-done")
