"""The "Kryptering" card on the settings page: that encryption is on, change the passphrase, a new recovery key.

The work is done by the store (`keys.change_passphrase`, `encryption.rekey`), the same code as
`seilocal encryption passphrase|rekey`. A wrong passphrase gets a Danish message, three tries, nothing changed.
"""

from __future__ import annotations

from pathlib import Path

from nicegui import run, ui

from seilocal.store import keys
from seilocal.store.encryption import FolderStatus, folder_status, rekey
from seilocal.store.passphrase_rules import passphrase_hint_da, passphrase_problem

from .context import AppContext
from .unlock import TRIES

PAPER = "Print den, og opbevar den sammen med praksis' papirer. Gem den ikke på denne computer."


def _key_place(status: FolderStatus) -> str:
    places = [text for text, on in (("i computerens nøglering", status.keyring),
                                    ("med en adgangssætning", status.passphrase)) if on]
    return " og ".join(places) or "kun med gendannelsesnøglen"


def encryption_panel(ctx: AppContext) -> None:
    """The card: status, "Skift adgangssætning" and "Lav ny gendannelsesnøgle"."""
    if ctx.store.path is None:
        return
    data_dir = Path(ctx.store.path).parent
    status = folder_status(data_dir)
    with ui.card().classes("w-full").mark("encryption-panel"):
        ui.label("Kryptering").classes("text-h6")
        if status.encrypted:
            ui.label("Krypteringen er slået til: databasen, dens log og alle backups er krypteret med SQLCipher "
                     "(AES-256).").mark("encryption-status")
        else:
            ui.label("Databasen er ikke krypteret endnu.").classes("text-negative").mark("encryption-status")
        ui.label(f"Nøglen opbevares {_key_place(status)}.").mark("encryption-key-place")
        if status.plain_backups:
            ui.label(f"{status.plain_backups} backup(s) er ikke krypteret endnu; de krypteres ved næste start.")
        ui.label("Indberetningspakker og eksporter, du henter, er ukrypterede kopier uden for mappen.").classes(
            "text-grey-7")
        if status.passphrase:
            _change_passphrase(data_dir)
        _new_recovery_key(ctx, data_dir, status)


def _change_passphrase(data_dir: Path) -> None:
    tries = {"left": TRIES}
    ui.label("Skift adgangssætning").classes("text-subtitle1 q-mt-md")
    with ui.column().classes("w-full gap-2").mark("passphrase-change"):
        old = ui.input("Nuværende adgangssætning", password=True).classes("w-full").mark("passphrase-old")
        new = ui.input("Ny adgangssætning", password=True, password_toggle_button=True).classes("w-full").mark(
            "passphrase-new")
        again = ui.input("Gentag den nye adgangssætning", password=True).classes("w-full").mark("passphrase-again")
        message = ui.label("").mark("passphrase-message")

        def say(text: str, ok: bool = False) -> None:
            message.text = text
            message.classes(replace="text-positive" if ok else "text-negative")

        async def change() -> None:
            if tries["left"] <= 0:
                return
            problem = passphrase_problem(new.value or "")
            if problem:
                say(passphrase_hint_da(problem))
                return
            if new.value != again.value:
                say("De to nye adgangssætninger er ikke ens.")
                return
            button.disable()
            try:
                await run.io_bound(keys.change_passphrase, data_dir, old.value or "", new.value)
            except keys.WrongKey:
                tries["left"] -= 1
                old.value = ""
                if tries["left"] <= 0:
                    say("Forkert adgangssætning tre gange. Intet er ændret. Genindlæs siden for at prøve igen.")
                    return
                say(f"Den nuværende adgangssætning er forkert. Intet er ændret. {tries['left']} forsøg tilbage.")
                button.enable()
                return
            except (keys.KeyProblem, OSError) as exc:
                print(f"error: {exc}", flush=True)
                say("Adgangssætningen kunne ikke skiftes. Intet er ændret.")
                button.enable()
                return
            for field in (old, new, again):
                field.value = ""
            tries["left"] = TRIES
            say("Adgangssætningen er skiftet. Brug den nye, næste gang programmet starter.", ok=True)
            button.enable()

        button = ui.button("Skift adgangssætning", icon="key", on_click=change).mark("passphrase-submit")


def _new_recovery_key(ctx: AppContext, data_dir: Path, status: FolderStatus) -> None:
    tries = {"left": TRIES}
    ui.label("Gendannelsesnøgle").classes("text-subtitle1 q-mt-md")
    ui.label("Med gendannelsesnøglen åbnes data på en anden computer, eller hvis adgangssætningen er glemt. "
             "Er den væk, så lav en ny: den gamle holder da op med at virke.").classes("text-grey-7")
    result = ui.column().classes("w-full gap-2")

    def show(recovery: str) -> None:
        result.clear()
        with result, ui.card().classes("w-full bg-amber-1").props("flat bordered").mark("recovery-new-card"):
            ui.label("Din nye gendannelsesnøgle").classes("text-weight-bold")
            ui.label(recovery).classes("text-h6 font-mono").mark("recovery-new-key")
            ui.label(f"Den vises kun denne ene gang. {PAPER} Den gamle gendannelsesnøgle virker ikke længere "
                     "(backups fra før i dag åbnes stadig med den gamle).")
            ui.button("Udskriv", icon="print", on_click=lambda: ui.run_javascript("window.print()")).props("flat")

            def done() -> None:
                keys.recovery_shown(data_dir)
                result.clear()
                ui.notify("Gendannelsesnøglen er skjult igen.", type="info")

            ui.button("Jeg har printet den", on_click=done).mark("recovery-new-done")

    def confirm_dialog() -> None:
        # Deleted, not only closed, when done: a closed dialog would stay in the page with its passphrase field.
        with ui.dialog(value=True).props("persistent") as dialog, ui.card().classes("min-w-[28rem]").mark(
                "recovery-new-dialog"):
            ui.label("Lav ny gendannelsesnøgle?").classes("text-h6")
            ui.label("Databasen og dens backups krypteres igen med en ny nøgle. Den gamle gendannelsesnøgle "
                     "holder op med at virke for databasen. Det kan tage et øjeblik.")
            word = None
            if status.passphrase:
                word = ui.input("Adgangssætning", password=True).classes("w-full").mark("recovery-new-passphrase")
            message = ui.label("").classes("text-negative").mark("recovery-new-message")

            async def go() -> None:
                if tries["left"] <= 0:
                    return
                typed = word.value if word is not None else None
                go_button.disable()
                try:
                    if typed is not None:
                        await run.io_bound(keys.unlock, data_dir, typed)  # WrongKey: nothing changed yet
                    key = keys.unlock(data_dir)
                    # On this thread: the app's connection is re-encrypted through itself (it belongs here).
                    recovery = rekey(data_dir, key, typed, live=ctx.store.db)
                except keys.WrongKey:
                    tries["left"] -= 1
                    if word is not None:
                        word.value = ""
                    if tries["left"] <= 0:
                        message.text = "Forkert adgangssætning tre gange. Intet er ændret."
                        return
                    message.text = f"Forkert adgangssætning. Intet er ændret. {tries['left']} forsøg tilbage."
                    go_button.enable()
                    return
                except Exception as exc:  # noqa: BLE001 - the next start finishes an interrupted rekey
                    print(f"error: {exc}", flush=True)
                    message.text = ("Den nye nøgle kunne ikke laves færdig. Den gamle gendannelsesnøgle virker "
                                    "stadig; programmet gør det færdigt ved næste start.")
                    return
                dialog.delete()
                show(recovery)

            with ui.row():
                go_button = ui.button("Lav ny nøgle", on_click=go).props("color=negative").mark(
                    "recovery-new-confirm")
                ui.button("Fortryd", on_click=dialog.delete).props("flat").mark("recovery-new-abort")

    ui.button("Lav ny gendannelsesnøgle", icon="autorenew", on_click=confirm_dialog).props("outline").mark(
        "recovery-new")
