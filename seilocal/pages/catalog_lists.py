"""Settings panel: the LPR3 named lists with their state, the import of list membership and its export."""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from nicegui import events, run, ui
from sqlite_utils import Database

from seilocal.refusals import render
from seilocal.store.catalog import CatalogImportError
from seilocal.store.catalog.list_import import ListImportResult, export_lists, import_lists
from seilocal.store.catalog.list_index import STATE_DA, ListState, list_states
from seilocal.store.db import open_connection

T = TypeVar("T")

COLUMNS: list[dict[str, Any]] = [
    {"name": "name", "label": "Liste", "field": "name", "align": "left", "sortable": True},
    {"name": "state", "label": "Status", "field": "state", "align": "left", "sortable": True},
    {"name": "oid", "label": "OID", "field": "oid", "align": "left"},
    {"name": "description", "label": "Beskrivelse", "field": "description", "align": "left"},
]


def _with_db(db_path: Path, work: Callable[[Database], T]) -> T:
    # A keyed connection of its own (the database is encrypted; a worker thread cannot share the UI's).
    db = open_connection(db_path)
    try:
        return work(db)
    finally:
        db.close()


def rows_of(states: list[ListState]) -> list[dict[str, str]]:
    """Table rows (plain text only) of the list states."""
    return [
        {"name": s.info.name, "state": s.detail_da(), "oid": s.info.oid, "description": s.info.description}
        for s in states
    ]


def counts_text(states: list[ListState]) -> str:
    """A Danish one-liner: how many lists are official, derived from SKS, starter and missing."""
    keys = ("official", "derived", "starter", "missing")
    counts = {key: sum(s.state == key for s in states) for key in keys}
    return ", ".join(f"{STATE_DA[key].split(' (')[0]}: {n}" for key, n in counts.items())


def import_text(result: ListImportResult) -> str:
    """A Danish summary of a list import, with the codes the catalog does not know."""
    text = f"{result.members} koder indlæst i {len(result.lists)} lister: {', '.join(result.lists)}."
    if result.unknown_codes:
        shown = ", ".join(result.unknown_codes[:10])
        more = " …" if len(result.unknown_codes) > 10 else ""
        text += f" {len(result.unknown_codes)} koder findes ikke i SKS-kataloget: {shown}{more}"
    return text


def catalog_lists_panel(db_path: Path) -> None:
    """The list table with its states, an upload for list membership and a download of the imported lists."""
    data_dir = db_path.parent
    with ui.card().classes("w-full"):
        ui.label("LPR3-kodelister").classes("text-h6")
        ui.label(
            "Mange regler kræver en navngiven kodeliste. Indlæs listernes koder fra en fil med kolonnerne "
            "liste, kode, gyldig fra og gyldig til (CSV eller TSV med overskriftslinje)."
        )
        summary = ui.label("").mark("catalog-lists-summary")
        table = ui.table(columns=COLUMNS, rows=[], row_key="name", pagination=20).classes("w-full")
        table.props("dense flat").mark("catalog-lists-table")
        status = ui.label("").mark("catalog-lists-status")

        def refresh() -> None:
            states = _with_db(db_path, list_states)
            table.rows = rows_of(states)
            table.update()
            summary.set_text(counts_text(states))

        async def handle(e: events.UploadEventArguments) -> None:
            # The upload lands in the data dir (never the system temp dir) and is removed afterwards.
            temp = data_dir / f".list-import-{uuid.uuid4().hex}.tmp"
            name = (e.file.name or "").replace("\\", "/").rsplit("/", 1)[-1] or "listefil"
            try:
                await e.file.save(temp)
                result = await run.io_bound(
                    _with_db, db_path, lambda db: import_lists(db, temp, file_name=name)
                )
                if result is None:  # the app is shutting down
                    return
                status.set_text(import_text(result))
                status.classes(replace="text-positive")
            except CatalogImportError as exc:
                status.set_text(render(exc, "da"))
                status.classes(replace="text-negative")
            except OSError as exc:
                status.set_text(f"Filen kunne ikke læses eller gemmes: {exc.strerror or exc}")
                status.classes(replace="text-negative")
            finally:
                temp.unlink(missing_ok=True)
                upload.reset()
                refresh()

        def download() -> None:
            out = io.StringIO()
            n = _with_db(db_path, lambda db: export_lists(db, out))
            if not n:
                ui.notify("Der er ingen indlæste lister at eksportere.", type="info")
                return
            ui.download(out.getvalue().encode("utf-8"), "lpr3-lister.tsv", "text/tab-separated-values")

        with ui.row().classes("items-center"):
            upload = (
                ui.upload(label="Indlæs listefil", on_upload=handle, auto_upload=True, max_files=1)
                .props('accept=".csv,.tsv,.txt"')
                .mark("catalog-lists-upload")
            )
            ui.button("Eksportér indlæste lister", icon="download", on_click=download).props("no-caps flat").mark(
                "catalog-lists-export"
            )
        refresh()
