"""The unlock page's part for a database whose key file is lost: the backups, and the recovery key for them.

A recovery key that does not open the database may still open a backup (one made before a new recovery key
was made): those backups are offered. The database itself is never overwritten: a restore keeps it first.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from nicegui import run, ui

from seilocal.settings import db_path
from seilocal.store import Store, keys
from seilocal.store.backup import BackupError, backups_dir_for, list_backups
from seilocal.store.encryption import backups_opened_by, restore_with_recovery
from seilocal.store.passphrase_rules import new_passphrase_problem, passphrase_hint_da


def lost_key_part(data_dir: Path, open_store: Callable[[], Store],
                  on_open: Callable[[Store], None]) -> Callable[[str], Awaitable[None]]:
    """The backups of the folder; returns `offer(recovery)`, which lists the backups that recovery key opens."""
    backups = list_backups(backups_dir_for(db_path(data_dir)))
    ui.label("Backups").classes("text-h6 q-mt-md")
    ui.label("Databasen bliver aldrig overskrevet. Gendanner du en backup, gemmes den nuværende fil først i "
             "mappen backups. En backup åbnes med den gendannelsesnøgle, der gjaldt, da den blev lavet.")
    with ui.column().classes("gap-1").mark("lost-key-backups"):
        if not backups:
            ui.label("Der er ingen backups i mappen.").mark("lost-key-no-backups")
        for info in backups:
            ui.label(f"{info.created:%d-%m-%Y %H:%M} ({info.size // 1024} kB)")
    offers = ui.column().classes("w-full gap-2").mark("lost-key-offers")

    async def offer(recovery: str) -> None:
        try:
            opened = await run.io_bound(backups_opened_by, data_dir, recovery)
        except keys.WrongKey:
            opened = []
        offers.clear()
        if not opened or not backups:
            return
        with offers:
            ui.label("Gendannelsesnøglen åbner ikke databasen, men disse backups:").classes("text-weight-bold")
            needs_word = keys.env_passphrase() is None and not keys.keyring_available()
            word = again = None
            if needs_word:
                ui.label("Computeren har ingen nøglering: vælg en adgangssætning til den gendannede database.")
                word = ui.input("Adgangssætning", password=True).classes("w-full").mark("lost-key-new")
                again = ui.input("Gentag adgangssætningen", password=True).classes("w-full").mark("lost-key-again")
            message = ui.label("").classes("text-negative").mark("lost-key-message")
            for path in opened:
                info = next(b for b in backups if b.path == path)

                async def restore(backup: Path = path) -> None:
                    chosen = None
                    if word is not None and again is not None:  # the rule of every new passphrase
                        problem = new_passphrase_problem(word.value or "", again.value or "")
                        if problem:
                            message.text = passphrase_hint_da(problem)
                            return
                        chosen = word.value
                    try:
                        await run.io_bound(restore_with_recovery, data_dir, backup, recovery, chosen)
                        store = open_store()
                    except (keys.KeyProblem, BackupError, OSError) as exc:
                        print(f"error: {exc}", flush=True)
                        message.text = "Backuppen kunne ikke gendannes. Databasen er ikke ændret."
                        return
                    on_open(store)
                    ui.notify("Backuppen er gendannet. Den tidligere fil er gemt i mappen backups.", type="positive")
                    ui.navigate.to("/")

                with ui.row().classes("items-center gap-2"):
                    ui.label(f"Backup fra {info.created:%d-%m-%Y %H:%M}")
                    ui.button("Gendan", icon="restore", on_click=restore).mark(f"lost-key-restore-{path.stem}")

    return offer
