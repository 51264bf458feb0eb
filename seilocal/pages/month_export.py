""""Eksportér måned" on the forms list: every version submitted in a month as one ZIP of bundles, downloaded.

The bundles are built off the event loop (the PDFs take ~0.2 s each) with a progress bar; the code texts
they need are looked up first on the loop thread, because SQLite connections belong to their thread.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence

from nicegui import run, ui

from seilocal.export.bundle import BundleError, build_bundle, bundle_name, prefetch_describe
from seilocal.export.submission import stored_bundle
from seilocal.store.profile import load_profile
from seilocal.store.versions import Version, VersionStore

from .context import AppContext

_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def month_zip(versions: Sequence[Version], describes: Sequence[Callable[[str], str | None] | None],
              clinic_name: str | None, progress: list[float], stored: Sequence[bytes | None] | None = None) -> bytes:
    """One ZIP holding the bundle of every version (runs in a worker thread; reports 0..1 in `progress`).

    `stored` holds the bundle kept in the database at submission, per version (None: made now)."""
    buffer = io.BytesIO()
    kept = list(stored) if stored is not None else [None] * len(versions)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:  # bundles are already compressed
        for done, (version, describe, data) in enumerate(zip(versions, describes, kept, strict=True), start=1):
            archive.writestr(bundle_name(version), data or build_bundle(version, describe, clinic_name))
            progress[0] = done / len(versions)
    return buffer.getvalue()


def month_export_panel(ctx: AppContext) -> None:
    """The export card: a month, a button, a progress bar, then the download."""
    versions = VersionStore(ctx.store.db, ctx.store.forms, ctx.clock)
    progress = [0.0]

    async def export() -> None:
        month = (month_input.value or "").strip()
        if not _MONTH.fullmatch(month):
            ui.notify("Skriv måneden som åååå-mm, fx 2026-11.", type="warning")
            return
        chosen = versions.submitted_in_month(month)
        if not chosen:
            ui.notify(f"Ingen indberetninger i {month}.", type="info")
            return
        describes = [prefetch_describe(v.form(), ctx.store.catalog.text) for v in chosen]
        stored = [stored_bundle(ctx.store, v) for v in chosen]  # read here: a connection belongs to its thread
        clinic = load_profile(ctx.store.prefs).clinic_name
        progress[0] = 0.0
        bar.set_visibility(True)
        button.disable()
        timer = ui.timer(0.2, lambda: bar.set_value(progress[0]))
        try:
            data = await run.io_bound(month_zip, chosen, describes, clinic, progress, stored)
        except BundleError as exc:
            ui.notify(f"Eksporten mislykkedes: {exc}", type="negative")
            return
        finally:
            timer.cancel()
            bar.set_visibility(False)
            button.enable()
        if data is None:  # the app is stopping: nothing to hand over
            return
        ui.download(data, f"seilocal-indberetninger-{month}.zip", "application/zip")
        ui.notify(f"{len(chosen)} indberetning(er) fra {month} eksporteret til browserens mappe til overførsler. "
                  "Den kopi er ikke krypteret: den er beregnet til at blive sendt.", type="positive")

    with ui.expansion("Eksportér en måneds indberetninger", icon="archive").classes("w-full").props(
            "dense").mark("month-export"):
        with ui.row().classes("items-center gap-2"):
            month_input = ui.input("Måned (åååå-mm)", value=ctx.clock().strftime("%Y-%m")).props(
                "dense outlined").classes("w-40").mark("month-export-month")
            button = ui.button("Eksportér", icon="download", on_click=export).mark("month-export-run")
        bar = ui.linear_progress(value=0, show_value=False).classes("w-full").mark("month-export-progress")
        bar.set_visibility(False)
