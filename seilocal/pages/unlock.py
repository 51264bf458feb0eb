"""Before anything opens: the passphrase page of an encrypted folder, and the recovery key shown once.

The unlock page is served at "/" while the database is locked. The key derivation (scrypt) runs in a worker
thread; the database itself is opened in the event loop's thread, where every page uses it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from nicegui import run, ui

from seilocal.store import DatabaseRefused, Store, keys

from .testids import install as install_testids

TRIES = 3
MIN_PASSPHRASE = 8


def unlock_page(data_dir: Path, new: bool, open_store: Callable[[], Store], on_open: Callable[[Store], None],
                reason: str = "") -> None:
    """Register "/" as the Danish passphrase page; once the key is had, `on_open(open_store())`."""
    tries = {"left": TRIES}
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
                    _unlock_form(data_dir, open_store, on_open, tries, reason, box)


def _new_folder_form(data_dir: Path, open_store: Callable[[], Store], on_open: Callable[[Store], None],
                     recovery: str | None = None) -> None:
    if recovery:
        ui.label("Gendannelsesnøglen passer. Computeren har ingen nøglering, der kan gemme nøglen, så vælg en "
                 "adgangssætning til denne computer. Du skal skrive den, hver gang programmet starter.")
    else:
        ui.label("Dine data bliver krypteret. Computeren har ingen nøglering, der kan gemme nøglen, så vælg en "
                 "adgangssætning. Du skal skrive den, hver gang programmet starter.")
    first = ui.input("Adgangssætning", password=True, password_toggle_button=True).classes("w-full") \
        .props("autofocus").mark("unlock-new")
    again = ui.input("Gentag adgangssætningen", password=True).classes("w-full").mark("unlock-again")
    message = ui.label("").classes("text-negative").mark("unlock-message")

    async def create() -> None:
        if len(first.value or "") < MIN_PASSPHRASE:
            message.text = f"Adgangssætningen skal have mindst {MIN_PASSPHRASE} tegn."
            return
        if first.value != again.value:
            message.text = "De to adgangssætninger er ikke ens."
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


def _unlock_form(data_dir: Path, open_store: Callable[[], Store], on_open: Callable[[Store], None],
                 tries: dict[str, int], reason: str, box: ui.column) -> None:
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

    async def attempt() -> None:
        if tries["left"] <= 0:
            return
        typed = field.value or ""
        button.disable()
        try:
            if keys.parse_recovery(typed) is not None:
                await run.io_bound(_recover, data_dir, typed)
            else:
                await run.io_bound(keys.unlock, data_dir, typed)
            store = open_store()
        except keys.WrongKey:
            tries["left"] -= 1
            field.value = ""
            if offer is not None and keys.parse_recovery(typed) is not None:
                await offer(typed)  # it may open a backup made before a newer recovery key
            if tries["left"] <= 0:
                message.text = ("Forkert tre gange. Intet er ændret. Luk programmet, og start det igen for at "
                                "prøve igen, eller brug gendannelsesnøglen.")
                return
            message.text = f"Forkert adgangssætning eller gendannelsesnøgle. Intet er ændret. " \
                           f"{tries['left']} forsøg tilbage."
            button.enable()
            return
        except keys.KeyNeeded as exc:
            if exc.new and keys.parse_recovery(typed) is not None:  # the right recovery key, and no keyring here
                box.clear()
                with box:
                    _new_folder_form(data_dir, open_store, on_open, recovery=typed)
                return
            message.text = "Mappen har ingen adgangssætning. Brug gendannelsesnøglen."
            button.enable()
            return
        except DatabaseRefused:
            tries["left"] -= 1
            message.text = "Gendannelsesnøglen åbner ikke databasen. Intet er ændret."
            button.enable()
            return
        on_open(store)
        ui.navigate.to("/")

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
