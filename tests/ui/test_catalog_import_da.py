"""Issue 13, item 9: a refused SKS file is explained in Danish in the import panel, and nothing is changed."""

from __future__ import annotations

from pathlib import Path

from nicegui import ui
from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User

from seilocal.pages.catalog_import import catalog_import_panel
from seilocal.store import open_store
from tests.support import dbfile

DATA = Path(__file__).parent.parent / "unit" / "data" / "catalog"


def sks_rows(db_path: Path) -> int:
    check = dbfile.connect(db_path, readonly=True)
    try:
        return check.execute("SELECT count(*) FROM catalog_codes WHERE source = 'sks'").fetchone()[0]
    finally:
        check.close()


async def test_a_bad_sks_file_is_refused_in_danish(user: User, tmp_path: Path) -> None:
    opened = open_store(tmp_path / "data")  # the panel opens its own (keyed) connection to the user's file
    db_path = opened.path
    opened.close()

    @ui.page("/import")
    def page() -> None:
        catalog_import_panel(db_path)

    await user.open("/import")
    upload = user.find(marker="catalog-import-upload").elements.pop()
    status = user.find(marker="catalog-import-status").elements.pop()

    bad_date = SmallFileUpload(name="SKScomplete.txt", content_type="text/plain",
                               _data=(DATA / "sks_bad_date.txt").read_bytes())
    await upload.handle_uploads([bad_date])
    await user.should_see("Filen blev ikke indlæst: fejl i linje 4: »gyldig fra« »20191399« er en dato, der ikke "
                          "findes. Intet er ændret.", marker="catalog-import-status")
    assert "is not a real date" not in status.text and "valid-from" not in status.text
    assert "text-negative" in status.classes

    # A SOR file picked by mistake while the panel expects SKS: the Danish text says what to check.
    wrong_kind = SmallFileUpload(name="sor.csv", content_type="text/csv", _data=(DATA / "sor_small.csv").read_bytes())
    await upload.handle_uploads([wrong_kind])
    await user.should_see("Er det SKScomplete.txt?", marker="catalog-import-status")
    assert "characters" not in status.text and "expected" not in status.text
    assert sks_rows(db_path) == 0  # nothing was imported by either refused file
