"""The code field in the NiceGUI user fixture: type, see options, pick, mode toggle remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from nicegui import ui
from nicegui.testing import User
from sqlite_utils import Database

from seilocal.pages.code_field import CodeField, code_field
from seilocal.store import memory_store
from seilocal.store.catalog import CatalogStore
from tests.support import dbfile

DATA = Path(__file__).parent.parent / "unit" / "data" / "catalog"
pytestmark = pytest.mark.catalog(sks=DATA / "sks_small.txt")


@pytest.fixture
def catalog(catalog_db: Database) -> CatalogStore:
    return CatalogStore(catalog_db)


def build(
    catalog: CatalogStore, prefs: dict[str, str], changes: list, value: str | None = None
) -> list[CodeField]:
    fields: list[CodeField] = []

    @ui.page("/code")
    def page() -> None:
        fields.append(
            code_field(
                catalog,
                label="Forløbsmarkør",
                value=value,
                on_change=changes.append,
                mark="marker",
                get_pref=prefs.get,
                set_pref=prefs.__setitem__,
                pref_key="field.marker.mode",
            )
        )

    return fields


async def test_type_see_options_pick(user: User, catalog: CatalogStore) -> None:
    changes: list = []
    fields = build(catalog, {}, changes)
    await user.open("/code")
    select = user.find(marker="marker")
    select.trigger("inputValue", "udred")
    assert fields[0].select.options == {
        "AFV01A1": "AFV01A1 – Henvist til udredning",
        "AFV01B": "AFV01B – Udredning start",
    }
    select.click()  # opens the menu
    await user.should_see("AFV01B – Udredning start")
    user.find("AFV01B – Udredning start").click()
    assert changes == ["AFV01B"]
    assert fields[0].value == "AFV01B"
    select.trigger("inputValue", "virtuel")  # new options, but the chosen value stays
    assert fields[0].value == "AFV01B"
    assert set(fields[0].select.options) == {"AFV01B", "ALCA03"}


async def test_mode_toggle_is_saved_and_restored(user: User, catalog: CatalogStore) -> None:
    prefs: dict[str, str] = {}
    fields = build(catalog, prefs, [])
    await user.open("/code")
    user.find(marker="marker").trigger("inputValue", "dning")
    assert set(fields[0].select.options) == set()
    user.find(marker="marker-mode").click()  # the typed search is done again in the new mode
    assert prefs == {"field.marker.mode": "contains"}
    assert set(fields[0].select.options) == {"AFV01A1", "AFV01B", "ALDA11"}
    await user.should_see("Indeholder", marker="marker-mode")
    await user.open("/code")  # a new page, as after a restart: the saved mode is used
    assert fields[-1].mode == "contains"
    assert fields[-1].toggle.text == "Indeholder"


async def test_unknown_code_is_kept_raw_and_external_set_is_silent(user: User, catalog: CatalogStore) -> None:
    changes: list = []
    fields = build(catalog, {}, changes, value="XYZ123")
    await user.open("/code")
    await user.should_see("XYZ123 – ukendt kode")
    assert fields[0].value == "XYZ123"
    fields[0].set_value("ALCA03")
    assert fields[0].value == "ALCA03"
    assert fields[0].select.options["ALCA03"] == "ALCA03 – Virtuel kontakt"
    assert changes == []
    fields[0].set_error("Koden er ikke gyldig på kontaktens start")
    assert fields[0].select.props["error-message"] == "Koden er ikke gyldig på kontaktens start"
    fields[0].set_error(None)
    assert not fields[0].select.props.get("error")


async def test_import_panel_imports_an_upload_and_reports_errors(user: User, tmp_path: Path) -> None:
    from nicegui.elements.upload_files import SmallFileUpload

    from seilocal.pages.catalog_import import catalog_import_panel
    from seilocal.store import open_store

    opened = open_store(tmp_path / "data")  # the panel opens its own (keyed) connection to the user's file
    db_path = opened.path
    opened.close()

    @ui.page("/import")
    def page() -> None:
        catalog_import_panel(db_path)

    await user.open("/import")
    upload = user.find(marker="catalog-import-upload").elements.pop()
    good = SmallFileUpload(
        name="SKScomplete.txt", content_type="text/plain", _data=(DATA / "sks_small.txt").read_bytes()
    )
    await upload.handle_uploads([good])
    # A worker thread reads the 71,000 bundled codes once to replace the imported ones: give it time.
    await user.should_see("SKS-koder: 14 nye, 0 ændrede, 14 læst.", retries=100)
    bad = SmallFileUpload(
        name="SKScomplete.txt", content_type="text/plain", _data=(DATA / "sks_bad_date.txt").read_bytes()
    )
    await upload.handle_uploads([bad])
    await user.should_see("fejl i linje 4")
    leftovers = [p.name for p in db_path.parent.iterdir()
                 if not p.name.startswith(db_path.name) and p.name not in ("encryption.json", "backups")]
    assert leftovers == []  # the uploaded file was removed
    check = dbfile.connect(db_path, readonly=True)
    assert check.execute("SELECT count(*) FROM catalog_codes WHERE source = 'sks'").fetchone() == (14,)
    check.close()


async def test_a_code_the_catalog_does_not_know_can_be_typed_and_kept(user: User) -> None:
    """The bundled catalog is incomplete: Enter on typed text keeps it (upper case) as the value."""
    store = memory_store()
    got: list[str | None] = []

    @ui.page("/")
    def page() -> None:
        code_field(store.catalog, label="Diagnose", value=None, on_change=got.append, mark="dx", list_name=None,
                   get_pref=store.prefs.get, set_pref=store.prefs.set, pref_key="dx")

    await user.open("/")
    # What Quasar sends for Enter on typed text that is no option (new-value-mode): the text itself.
    (select,) = user.find(marker="dx").trigger("update:modelValue", "dq 999x").elements
    assert got == ["DQ999X"]
    assert select.value == "DQ999X"
