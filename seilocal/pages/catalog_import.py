"""Settings panel: bring the code catalog up to date from SKScomplete.txt or a SOR file (B11)."""

from __future__ import annotations

import uuid
from pathlib import Path

from nicegui import events, run, ui

from seilocal.refusals import render
from seilocal.security import MAX_BODY_BYTES
from seilocal.store.catalog import CatalogImportError, ImportResult, import_sks
from seilocal.store.catalog.sor_import import import_sor
from seilocal.store.db import open_connection

# Checked by the browser before sending; the security gate refuses larger bodies too (413).
MAX_UPLOAD_BYTES = MAX_BODY_BYTES - 1024 * 1024  # room for the multipart framing
KINDS = {"sks": "SKS-koder (SKScomplete.txt)", "sor": "SOR-enheder (SorEntity_daily.csv eller Sor_complete.zip)"}


def import_file(db_path: Path, kind: str, path: Path, progress: list[float]) -> ImportResult:
    """Run one import on a connection of its own (for a worker thread); progress[0] follows the work."""
    db = open_connection(db_path)  # keyed; waits for the UI thread's short write locks
    try:
        importer = import_sks if kind == "sks" else import_sor
        return importer(db, path, progress=lambda fraction: progress.__setitem__(0, fraction))
    finally:
        db.close()


def result_text(kind: str, result: ImportResult) -> str:
    """A Danish summary of an import."""
    c = result.counts
    what = "SKS-koder" if kind == "sks" else "SOR-enheder"
    # SOR2 files have a hundred-odd columns; saying how many were not used shows nothing was refused.
    ignored = f" {c['ignored_columns']} kolonner i filen bruges ikke." if c.get("ignored_columns") else ""
    if not result.changed:
        return f"{what}: ingen ændringer ({c.get('read', 0)} læst).{ignored}"
    return f"{what}: {c.get('inserted', 0)} nye, {c.get('updated', 0)} ændrede, {c.get('read', 0)} læst.{ignored}"


def error_text(error: CatalogImportError) -> str:
    """A Danish message for a refused file: where, the cause in Danish (its kind's template), and that nothing
    changed."""
    return render(error, "da")


def catalog_import_panel(db_path: Path) -> None:
    """Upload an SKS or SOR file and import it off the event loop, with a progress bar and the result."""
    data_dir = db_path.parent
    with ui.card().classes("w-full"):
        ui.label("Opdatér kodelister").classes("text-h6")
        ui.label("Hent SKScomplete.txt eller SOR-filen (SorEntity_daily.csv eller Sor_complete.zip) fra "
                 "Sundhedsdatastyrelsen, og indlæs den her, som den er hentet.")
        kind = ui.toggle(KINDS, value="sks").props("no-caps").mark("catalog-import-kind")
        bar = ui.linear_progress(value=0, show_value=False).mark("catalog-import-progress")
        bar.visible = False
        status = ui.label("").mark("catalog-import-status")
        progress = [0.0]
        ticker = ui.timer(0.2, lambda: bar.set_value(progress[0]), active=False)

        async def handle(e: events.UploadEventArguments) -> None:
            # The upload lands in the data dir (never the system temp dir: app.py points `tempfile` at
            # <data dir>/tmp, where Starlette and NiceGUI spool uploads over 1 MB) and is removed afterwards.
            temp = data_dir / f".catalog-import-{uuid.uuid4().hex}.tmp"
            progress[0] = 0.0
            bar.visible, ticker.active = True, True
            status.set_text("Indlæser …")
            try:
                await e.file.save(temp)
                result = await run.io_bound(import_file, db_path, kind.value, temp, progress)
                if result is None:  # the app is shutting down
                    return
                status.set_text(result_text(kind.value, result))
                status.classes(replace="text-positive")
            except CatalogImportError as exc:
                status.set_text(error_text(exc))
                status.classes(replace="text-negative")
            except OSError as exc:
                status.set_text(f"Filen kunne ikke læses eller gemmes: {exc.strerror or exc}")
                status.classes(replace="text-negative")
            finally:
                temp.unlink(missing_ok=True)
                ticker.active = False
                bar.set_value(progress[0])
                bar.visible = False
                upload.reset()

        def too_large() -> None:
            status.set_text(f"Filen er for stor: højst {MAX_UPLOAD_BYTES // (1024 * 1024)} MB. Intet er ændret.")
            status.classes(replace="text-negative")

        upload = (
            ui.upload(label="Vælg fil", on_upload=handle, on_rejected=too_large, auto_upload=True, max_files=1,
                      max_file_size=MAX_UPLOAD_BYTES)
            .props('accept=".txt,.csv,.xml,.zip"')
            .mark("catalog-import-upload")
        )
