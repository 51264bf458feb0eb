"""Issue 25: "Importér SOR" takes SDS's SorEntity_daily.csv and Sor_complete.zip as downloaded; a file that
is not SOR is refused in Danish, naming what is missing, and nothing changes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from nicegui import ui
from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User

from seilocal.pages.catalog_import import catalog_import_panel
from seilocal.store import open_store
from tests.support import dbfile

DAILY = Path(__file__).parent.parent / "unit" / "data" / "catalog" / "sor2" / "SorEntity_daily.csv"


def sor_units(db_path: Path) -> list[tuple]:
    check = dbfile.connect(db_path, readonly=True)
    try:
        return check.execute(
            "SELECT sor_id, name, cvr, si_id FROM catalog_sor_units WHERE source = 'sor' ORDER BY sor_id"
        ).fetchall()
    finally:
        check.close()


def zip_of(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


async def test_the_sor2_files_import_through_the_panel(user: User, tmp_path: Path) -> None:
    opened = open_store(tmp_path / "data")
    db_path = opened.path
    opened.close()

    @ui.page("/import")
    def page() -> None:
        catalog_import_panel(db_path)

    await user.open("/import")
    kind = user.find(marker="catalog-import-kind").elements.pop()
    upload = user.find(marker="catalog-import-upload").elements.pop()
    status = user.find(marker="catalog-import-status").elements.pop()
    with user.client:
        kind.value = "sor"

    daily = DAILY.read_bytes()
    await upload.handle_uploads([SmallFileUpload(name="SorEntity_daily.csv", content_type="text/csv", _data=daily)])
    await user.should_see("SOR-enheder: 8 nye, 0 ændrede, 8 læst. 32 kolonner i filen bruges ikke.",
                          marker="catalog-import-status")
    units = sor_units(db_path)
    assert len(units) == 8
    assert ("911112000016002", "Speciallægepraksis Nørrebro ApS, Psykiatri", "31313131", "911111000016004") in units

    # the same units from Sor_complete.zip (the upload is saved under a temporary name: read by its bytes)
    archive = zip_of("SOREntity.csv", daily)
    await upload.handle_uploads([SmallFileUpload(name="Sor_complete.zip", content_type="application/zip",
                                                 _data=archive)])
    await user.should_see("SOR-enheder: ingen ændringer (8 læst).", marker="catalog-import-status")

    not_sor = "Dato;Beløb;Tekst\n2026-01-01;100;Kaffe\n".encode()
    await upload.handle_uploads([SmallFileUpload(name="kontoudtog.csv", content_type="text/csv", _data=not_sor)])
    await user.should_see("Filen blev ikke indlæst: fejl i linje 1: filen er ikke en SOR-fil: der er ingen kolonne "
                          "med SOR-kode og navn", marker="catalog-import-status")
    assert "column" not in status.text and "text-negative" in status.classes
    assert len(sor_units(db_path)) == 8  # nothing changed
