"""The history page's "Indberetningspakker": each version's bundle, kept in the encrypted database, downloaded."""

from __future__ import annotations

from nicegui import run, ui

from seilocal.store.versions import Version

from .context import AppContext

PLAIN_NOTE = ("Pakkerne er gemt krypteret i databasen. Når du henter en, skrives en ukrypteret kopi i browserens "
              "mappe til overførsler (fx Overførsler): den er beregnet til at blive sendt, så slet den, når den er "
              "sendt.")


def bundles_part(ctx: AppContext, submitted: list[Version]) -> None:
    """One "Hent" per submitted version; a version without a stored bundle gets one made (and kept) first."""
    if not submitted or ctx.store.path is None:
        return
    # Imported here: the export package (CDA, PDF) costs ~0.4 s to import, and this module loads at start-up.
    from seilocal.export.bundle import BundleError, bundle_name
    from seilocal.export.bundle_job import repair_job, stored_bundle

    ui.label("Indberetningspakker").classes("text-h6 q-mt-md")
    ui.label(PLAIN_NOTE).classes("text-grey-7").mark("bundle-plain-note")

    async def download(version: Version) -> None:
        data = stored_bundle(ctx.store, version)
        if data is None:  # its making failed at submission (a full disk): the bundle job makes it now, keeps it
            try:
                data = await repair_job(ctx.store, version).run_async(run.io_bound)
            except BundleError:
                ui.notify("Indberetningspakken kunne ikke dannes.", type="negative")
                return
        ui.download(data, bundle_name(version), "application/zip")
        ui.notify("Pakken er hentet som en ukrypteret kopi i browserens mappe til overførsler.", type="info")

    with ui.column().classes("gap-1").mark("bundle-downloads"):
        for version in reversed(submitted):
            with ui.row().classes("items-center gap-2"):
                ui.label(f"Version {version.version}: {bundle_name(version)}")
                ui.button("Hent", icon="download", on_click=lambda v=version: download(v)).props(
                    "flat dense").mark(f"bundle-download-{version.version}")
