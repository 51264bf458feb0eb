"""The backup part of the settings page (B10): the backups, "Tag backup nu", and "Gendan" on the next start.

A restore replaces the database file, which the running app holds open for every tab. So "Gendan" only
schedules it (after a confirmation), then stops the app; the next start restores before it opens the
database (seilocal.store.backup.apply_pending_restore) and keeps the replaced file as a backup.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from nicegui import app, background_tasks, run, ui

from seilocal.store.backup import (
    BackupError,
    BackupInfo,
    backups_dir_for,
    cancel_restore,
    list_backups,
    make_backup,
    pending_restore,
    schedule_restore,
)

from .context import AppContext

REASONS_DA = {
    "daily": "Daglig",
    "manual": "Manuel",
    "before-migration": "Før opdatering",
    "before-restore": "Før gendannelse",
}


def _label(info: BackupInfo) -> str:
    return f"{info.created:%d-%m-%Y %H:%M:%S} · {REASONS_DA.get(info.reason, info.reason)} · {info.size / 1e6:.1f} MB"


def storage_error_text(exc: Exception) -> str:
    """A Danish message for a save that SQLite or SQLCipher refused (full disk, read-only, locked), with the way out.

    Read from the error's text only, which both modules word alike (their error classes share no base).
    """
    text = str(exc).lower()
    if "full" in text:
        why = "Der er ikke plads på disken."
    elif "readonly" in text or "read-only" in text:
        why = "Databasefilen er skrivebeskyttet."
    elif "locked" in text or "busy" in text:
        why = "Et andet program bruger databasen lige nu."
    else:
        why = "Databasen kunne ikke skrive."
    return f"{why} Din seneste ændring blev ikke gemt. Frigør plads eller luk det andet program, og prøv igen."


def refusal_text_da(reason: str) -> str:
    """A Danish explanation of why the database was refused at start (from DatabaseRefused's English text)."""
    text = reason.lower()
    if "newer version" in text:
        return "Databasen er gemt af en nyere udgave af SEI-LPR lokal. Opdatér programmet, og start det igen."
    if "locked" in text:
        return "Et andet program bruger databasen. Luk det, og start SEI-LPR lokal igen."
    if "read-only" in text:
        return "Databasefilen er skrivebeskyttet. Giv dig selv skriveadgang til den, og start programmet igen."
    if "damaged" in text:
        return "Databasen er beskadiget."
    if "another program" in text or "not an sqlite" in text or "not a sei-lpr" in text:
        return "Filen er ikke en database fra SEI-LPR lokal."
    return "Databasen er beskadiget."


def database_refused_page(data_dir: Path, reason: str, shutdown: Callable[[], None] | None = None) -> None:
    """The one page served when the database was refused at start: why, that nothing changed, and the way out."""
    from seilocal.settings import db_path

    db_file = db_path(data_dir)
    stop = shutdown or app.shutdown
    with ui.column().classes("max-w-3xl mx-auto q-pa-lg").mark("refused-page"):
        ui.label("SEI-LPR lokal kan ikke åbne databasen").classes("text-h5")
        ui.label(refusal_text_da(reason)).mark("refused-reason")
        ui.label(f"Filen {db_file} er ikke ændret.")
        ui.label(f"Teknisk årsag: {reason}").classes("text-caption")
        backups = list_backups(backups_dir_for(db_file))
        if not backups:
            ui.label("Der er ingen backups. Gem filen, og søg hjælp, før du sletter noget.").mark("refused-no-backup")
        else:
            ui.label("Du kan gå tilbage til en backup. Den nuværende fil gemmes først, så intet slettes.")

        def restore(info: BackupInfo) -> None:
            try:
                schedule_restore(info.path, data_dir)
            except BackupError:
                ui.notify("Backuppen er beskadiget og kan ikke gendannes. Vælg en anden.", type="negative")
                return
            ui.notify("Programmet lukker. Start det igen for at gendanne backuppen.", type="warning")

            async def stop_soon() -> None:
                await asyncio.sleep(1.0)
                stop()

            background_tasks.create(stop_soon(), name="restore-shutdown")

        for index, info in enumerate(backups):
            with ui.row().classes("items-center w-full"):
                ui.label(_label(info)).classes("grow")
                ui.button("Gendan", on_click=lambda info=info: restore(info)).mark(f"refused-restore-{index}")
        ui.button("Luk programmet", on_click=stop).props("flat").mark("refused-close")


def _shutdown(ctx: AppContext) -> Callable[[], None]:
    return ctx.extras.get("shutdown") or app.shutdown


def backup_panel(ctx: AppContext) -> None:
    """Build the backup panel; needs a store opened from a file (not an in-memory store)."""
    db_file = ctx.store.path
    with ui.card().classes("w-full").mark("backup-panel"):
        ui.label("Sikkerhedskopier").classes("text-h6")
        if db_file is None:
            ui.label("Databasen ligger ikke i en fil, så der er intet at tage backup af.")
            return
        data_dir = db_file.parent
        ui.label(
            "Der tages automatisk en backup én gang i døgnet, når programmet starter. De 10 nyeste daglige og "
            f"manuelle backups gemmes i {backups_dir_for(db_file)}."
        ).classes("text-caption")

        @ui.refreshable
        def listing() -> None:
            scheduled = pending_restore(data_dir)
            if scheduled is not None:
                with ui.row().classes("items-center").mark("restore-pending"):
                    ui.label(f"Gendannelse af {scheduled.name} sker, næste gang programmet starter.")
                    ui.button("Fortryd", on_click=cancel).props("flat").mark("restore-cancel")
            backups = list_backups(backups_dir_for(db_file))
            if not backups:
                ui.label("Der er ingen backups endnu.").mark("backups-empty")
            for index, info in enumerate(backups):
                with ui.row().classes("items-center w-full").mark("backup-row"):
                    ui.label(_label(info)).classes("grow")
                    ui.button("Gendan", on_click=lambda info=info: confirm_restore(info)) \
                        .props("flat dense").mark(f"backup-restore-{index}")

        def cancel() -> None:
            cancel_restore(data_dir)
            listing.refresh()

        async def backup_now() -> None:
            try:
                target = await run.io_bound(make_backup, db_file, reason="manual")
            except BackupError:
                ui.notify("Backuppen kunne ikke tages. Databasen er ikke ændret.", type="negative")
                return
            if target is None:  # the app is stopping: no page left to tell
                return
            ui.notify(f"Backup gemt: {target.name}", type="positive")
            listing.refresh()

        def confirm_restore(info: BackupInfo) -> None:
            with ui.dialog(value=True) as dialog, ui.card().mark("restore-dialog"):
                ui.label(f"Gendan backuppen fra {info.created:%d-%m-%Y %H:%M}?").classes("text-bold")
                ui.label(
                    "Alle skemaer bliver, som de var dengang; det, der er ændret siden, forsvinder fra "
                    "databasen. Den nuværende database gemmes først som en backup, så intet slettes."
                )
                ui.label(
                    "Programmet lukker nu, og gendannelsen sker, når du starter det igen. Luk eventuelle "
                    "andre faneblade med programmet."
                )
                hidden_versions_note(info.path, db_file)
                with ui.row():
                    ui.button("Gendan og luk programmet", on_click=lambda: restore(info, dialog)) \
                        .props("color=negative").mark("restore-confirm")
                    ui.button("Annullér", on_click=dialog.close).props("flat").mark("restore-abort")

        def restore(info: BackupInfo, dialog: ui.dialog) -> None:
            try:
                schedule_restore(info.path, data_dir)
            except BackupError:
                ui.notify("Backuppen er beskadiget og kan ikke gendannes. Vælg en anden.", type="negative")
                dialog.close()
                return
            dialog.close()
            listing.refresh()
            ui.notify("Programmet lukker. Start det igen for at gendanne backuppen.", type="warning")
            stop = _shutdown(ctx)

            async def stop_soon() -> None:
                await asyncio.sleep(1.0)  # let the message reach the browser first
                stop()

            background_tasks.create(stop_soon(), name="restore-shutdown")

        listing()
        ui.button("Tag backup nu", on_click=backup_now).mark("backup-now")


def hidden_versions_note(backup: Path, db_file: Path) -> None:
    """Say before a restore which submitted versions the backup lacks: they stay issued (carried over)."""
    from seilocal.store.backup import hidden_by_restore

    hidden = hidden_by_restore(backup, db_file)
    if not hidden:
        return
    listed = ", ".join(f"skema {form_no} version {version}" for form_no, version in hidden[:10])
    more = f" og {len(hidden) - 10} flere" if len(hidden) > 10 else ""
    ui.label(
        f"Backuppen mangler indberetninger, der er lavet siden: {listed}{more}. De er måske allerede sendt til "
        "LPR3, så de bevares som »indberettet før gendannelse« med deres indberetningspakker, og næste "
        "indberetning af skemaet får det næste versionsnummer."
    ).classes("text-warning").mark("restore-hidden-versions")
