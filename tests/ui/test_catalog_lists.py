"""The settings panel of LPR3 named lists: states in a table, an upload that imports, and its refusals."""

from __future__ import annotations

from pathlib import Path

from nicegui import ui
from nicegui.testing import User


def _rows(user: User) -> dict[str, dict[str, str]]:
    (table,) = user.find(marker="catalog-lists-table").elements
    return {row["name"]: row for row in table.rows}


async def test_the_panel_shows_states_and_imports_an_upload(user: User, tmp_path: Path) -> None:
    from nicegui.elements.upload_files import SmallFileUpload

    from seilocal.pages.catalog_lists import catalog_lists_panel
    from seilocal.store import open_store

    store = open_store(tmp_path / "data")  # a real (encrypted) data folder, as the app has
    db_path = store.path
    store.close()

    @ui.page("/lister")
    def page() -> None:
        catalog_lists_panel(db_path)

    await user.open("/lister")
    assert _rows(user)["proc.sluttid"]["state"] == "mangler"
    assert _rows(user)["diag"]["oid"] == "1.2.208.176.2.4.12"
    upload = user.find(marker="catalog-lists-upload").elements.pop()
    bad = SmallFileUpload(
        name="lister.csv", content_type="text/csv", _data=b"list_name;code;valid_from;valid_to\nproc.x;K1;;\n"
    )
    await upload.handle_uploads([bad])
    await user.should_see("fejl i linje 2")
    assert _rows(user)["proc.sluttid"]["state"] == "mangler"
    good = SmallFileUpload(
        name="lister.csv",
        content_type="text/csv",
        _data="list_name;code;valid_from;valid_to\nproc.sluttid;KNGD11;;\n".encode("cp1252"),
    )
    await upload.handle_uploads([good])
    await user.should_see("1 koder indlæst i 1 lister: proc.sluttid.")
    assert _rows(user)["proc.sluttid"]["state"].startswith("officiel, indlæst ")
    assert "fra lister.csv (1 koder)" in _rows(user)["proc.sluttid"]["state"]
    assert [p.name for p in db_path.parent.rglob(".list-import-*")] == []  # the upload's copy is gone


async def test_the_settings_page_shows_the_list_states(app_user: User) -> None:
    await app_user.open("/indstillinger")
    await app_user.should_see(marker="catalog-lists-table")
    assert _rows(app_user)["admin.konttype"]["state"] == (
        "afledt af SKS 2026-06 (6 koder): SKS-undertræ ALCA »Kontakt type«")
    assert _rows(app_user)["admin.diagart"]["state"].startswith("startliste (ikke bekræftet)")
    assert _rows(app_user)["proc.hoerescreen"]["state"] == "mangler"
