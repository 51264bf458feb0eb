"""First start (F1): a short setup of the practice profile, shown before the forms list of a new data folder.

It can be skipped; the profile can always be filled in later under "Indstillinger". Whether the setup was
finished or skipped is kept in the store's preferences (never in app.storage), so it is asked once per data folder.
"""

from __future__ import annotations

from nicegui import ui

from seilocal.model.profile import is_blank
from seilocal.store.profile import load_profile

from .context import AppContext
from .frame import frame
from .profile_form import profile_fields

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

    def finish(answer: str) -> None:
        prefs.set(FIRST_START_KEY, answer)
        ui.navigate.to("/")

    with ui.card().classes("w-full").mark("first-start"):
        ui.label("Velkommen til SEI-LPR lokal").classes("text-h5")
        ui.label("Udfyld praksisprofilen, så nye skemaer starter med praksissens oplysninger. "
                 "Du kan springe over og gøre det senere under Indstillinger.").classes("text-grey-8")
        profile_fields(ctx, "first-start", autofocus=True)
        with ui.row().classes("w-full justify-end gap-2 q-mt-md"):
            ui.button("Spring over", on_click=lambda: finish("skipped")).props("flat").mark("first-start-skip")
            ui.button("Gem og fortsæt", on_click=lambda: finish("done")).mark("first-start-done")
