"""Before anything opens: the passphrase page of an encrypted folder, and the recovery key shown once.

The unlock page is served at "/" while the database is locked. The key derivation (scrypt) runs in a worker
thread; the database itself is opened in the event loop's thread, where every page uses it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from nicegui import run, ui

from seilocal.store import DatabaseRefused, Store, keys, unlock_limit
from seilocal.store.passphrase_rules import MIN_PASSPHRASE, new_passphrase_problem, passphrase_hint_da

from .testids import install as install_testids

TRIES = 3


def unlock_page(data_dir: Path, new: bool, open_store: Callable[[], Store], on_open: Callable[[Store], None],
                reason: str = "") -> None:
    """Register "/" as the Danish passphrase page; once the key is had, `on_open(open_store())`."""
    install_testids()

    @ui.page("/")
    def _page() -> None:
        with ui.column().classes("max-w-xl mx-auto q-pa-lg gap-4").mark("unlock-page"):
            ui.label("SEI-LPR lokal").classes("text-h5")
            box = ui.column().classes("w-full gap-4")
            with box:
                if new:
                    _new_folder_form(data_dir, open_store, on_open)
                else:
                    _unlock_form(data_dir, open_store, on_open, reason, box)


def _new_folder_form(data_dir: Path, open_store: Callable[[], Store], on_open: Callable[[Store], None],
                     recovery: str | None = None) -> None:
    if recovery:
        ui.label("Gendannelsesnøglen passer. Computeren har ingen nøglering, der kan gemme nøglen, så vælg en "
                 "adgangssætning til denne computer. Du skal skrive den, hver gang programmet starter.")
    else:
        ui.label("Dine data bliver krypteret. Computeren har ingen nøglering, der kan gemme nøglen, så vælg en "
                 "adgangssætning. Du skal skrive den, hver gang programmet starter.")
    ui.label(f"Mindst {MIN_PASSPHRASE} tegn. Fire almindelige ord med mellemrum er lette at huske og svære at "
             "gætte.").classes("text-caption text-grey-7").mark("unlock-hint")
    first = ui.input("Adgangssætning", password=True, password_toggle_button=True).classes("w-full") \
        .props("autofocus").mark("unlock-new")
    again = ui.input("Gentag adgangssætningen", password=True).classes("w-full").mark("unlock-again")
    message = ui.label("").classes("text-negative").mark("unlock-message")

    async def create() -> None:
        if not button.enabled:  # Enter pressed again while the database is being made
            return
        problem = new_passphrase_problem(first.value or "", again.value or "")
        if problem:
            message.text = passphrase_hint_da(problem)
            return
        button.disable()
        message.text = "Opretter den krypterede database …"
        try:
            if recovery:
                await run.io_bound(_recover, data_dir, recovery, first.value)
            else:
                await run.io_bound(keys.new_key, data_dir, first.value)
            store = open_store()
        except Exception as exc:  # noqa: BLE001 - shown in Danish, the details on the console
            print(f"error: {exc}", flush=True)
            message.text = "Databasen kunne ikke oprettes. Intet er ændret."
            button.enable()
            return
        on_open(store)
        ui.navigate.to("/")

    button = ui.button("Opret krypteret database", on_click=create).mark("unlock-create")
    # The keyboard path: Enter in the first field goes on to "Gentag", Enter there creates the database.
    first.on("keydown.enter", lambda: again.run_method("focus"))
    again.on("keydown.enter", create)


def _unlock_form(data_dir: Path, open_store: Callable[[], Store], on_open: Callable[[Store], None],
                 reason: str, box: ui.column) -> None:
    lost_key = "key file" in reason
    if lost_key:
        ui.label("Databasen er krypteret, men mappen har ingen nøglefil (encryption.json), fx fordi mappen er "
                 "kopieret fra en anden computer, eller nøglefilen er slettet. Skriv gendannelsesnøglen fra "
                 "papiret. Er filen ikke en database fra SEI-LPR lokal, så åbnes intet, og intet ændres."
                 ).mark("unlock-key-file-missing")
    else:
        ui.label("Databasen er krypteret. Skriv adgangssætningen, eller gendannelsesnøglen fra papiret, "
                 "hvis du har glemt den.")
    field = ui.input("Adgangssætning eller gendannelsesnøgle", password=True,
                     password_toggle_button=True).classes("w-full").props("autofocus").mark("unlock-passphrase")
    message = ui.label("").classes("text-negative").mark("unlock-message")
    if "keyring" in reason and not lost_key:  # (a folder path may hold the word too)
        message.text = "Nøgleringen gav ikke adgang til nøglen. Skriv adgangssætningen i stedet."

    limit = unlock_limit.for_folder(data_dir)

    def wrong_text() -> str:
        if limit.tries_left > 0:
            return (f"Forkert adgangssætning eller gendannelsesnøgle. Intet er ændret. "
                    f"{limit.tries_left} forsøg tilbage.")
        wait = math.ceil(limit.delay())
        if limit.failures == unlock_limit.FREE_TRIES:
            return (f"Forkert tre gange. Intet er ændret. Vent {wait} sekunder, før du prøver adgangssætningen "
                    "igen, eller brug gendannelsesnøglen: den virker med det samme.")
        return (f"Forkert igen. Intet er ændret. Vent {wait} sekunder, før du prøver adgangssætningen igen, "
                "eller brug gendannelsesnøglen: den virker med det samme.")

    async def attempt() -> None:
        typed = field.value or ""
        recovery = keys.parse_recovery(typed) is not None
        if not recovery:  # the recovery key is never guessed (128 random bits): it is the way out of a lockout
            try:
                limit.begin()  # the folder's limit, shared by every page and socket of this process
            except unlock_limit.TooSoon as exc:
                message.text = ("Et forsøg er allerede i gang." if exc.wait <= 0 else
                                f"Vent {exc.seconds} sekunder, før du prøver adgangssætningen igen. "
                                "Gendannelsesnøglen kan bruges nu.")
                return
        outcome = "wrong"  # until the store is open: an unexpected error never resets the count
        button.disable()
        try:
            if recovery:
                await run.io_bound(_recover, data_dir, typed)
            else:
                await run.io_bound(keys.unlock, data_dir, typed)
            store = open_store()
            outcome = "open"
        except keys.WrongKey:
            outcome = "wrong"
        except keys.KeyNeeded as exc:
            outcome = "new" if exc.new and recovery else "no-passphrase"
        except DatabaseRefused:
            outcome = "refused"
        finally:
            if not recovery:
                limit.end(wrong=outcome != "open")
        if outcome == "open":
            on_open(store)
            ui.navigate.to("/")
            return
        if outcome == "new":  # the right recovery key, and no keyring here
            box.clear()
            with box:
                _new_folder_form(data_dir, open_store, on_open, recovery=typed)
            return
        if outcome == "wrong":
            field.value = ""
            if offer is not None and recovery:
                await offer(typed)  # it may open a backup made before a newer recovery key
            message.text = ("Gendannelsesnøglen passer ikke til denne mappe. Intet er ændret." if recovery
                            else wrong_text())
        elif outcome == "no-passphrase":
            message.text = "Mappen har ingen adgangssætning. Brug gendannelsesnøglen."
        else:
            message.text = "Gendannelsesnøglen åbner ikke databasen. Intet er ændret."
        button.enable()

    field.on("keydown.enter", attempt)
    button = ui.button("Lås op", on_click=attempt).mark("unlock-submit")
    offer = None
    if lost_key:
        from .lost_key import lost_key_part

        offer = lost_key_part(data_dir, open_store, on_open)


def _recover(data_dir: Path, typed: str, passphrase: str | None = None) -> None:
    from seilocal.store.encryption import folder_key

    folder_key(data_dir, passphrase, typed)


def recovery_page(data_dir: Path, recovery: str, on_done: Callable[[], None]) -> None:
    """Register "/" as the page that shows the recovery key once; `on_done` when the user has it on paper."""

    @ui.page("/")
    def _page() -> None:
        with ui.column().classes("max-w-xl mx-auto q-pa-lg gap-4").mark("recovery-page"):
            ui.label("Din gendannelsesnøgle").classes("text-h5")
            ui.label("Dine data er krypteret. Med denne nøgle kan du åbne dem på en anden computer, eller hvis "
                     "adgangssætningen er glemt. Den vises kun denne ene gang.")
            ui.label(recovery).classes("text-h6 font-mono").mark("recovery-key")
            ui.label("Udskriv den, og opbevar den sammen med klinikkens papirer. Gem den ikke på denne computer.")
            ui.button("Udskriv", on_click=lambda: ui.run_javascript("window.print()")).props("flat")
            confirmed = ui.checkbox("Jeg har udskrevet eller skrevet nøglen ned").mark("recovery-confirm")

            def done() -> None:
                if not confirmed.value:
                    ui.notify("Sæt kryds, når nøglen er skrevet ned.", type="warning")
                    return
                keys.recovery_shown(data_dir)
                on_done()
                ui.navigate.to("/")

            ui.button("Fortsæt", on_click=done).mark("recovery-done")
