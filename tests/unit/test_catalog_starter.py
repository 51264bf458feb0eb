"""The bundled starter catalog: loaded once, reloaded when the files change, never touching imported rows."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from seilocal.store.catalog import CatalogImportError, CatalogStore, import_sks
from seilocal.store.catalog.sor_import import import_sor
from seilocal.store.catalog.starter import ensure_starter_catalog

DATA = Path(__file__).parent / "data" / "catalog"


@pytest.fixture
def db(catalog_db: Database) -> Database:
    return catalog_db  # the schema only


@pytest.fixture
def assets(tmp_path: Path) -> Path:
    folder = tmp_path / "catalog"
    shutil.copytree(DATA / "starter", folder)
    return folder


def test_first_start_loads_codes_lists_and_units(db: Database, assets: Path) -> None:
    assert ensure_starter_catalog(db, assets) is True
    store = CatalogStore(db)
    assert store.text("ATA1") == "Akut"
    assert store.knows_list("admin.prioritet")
    assert store.sor_get("486821000016009").parent == "486811000016002"
    assert db.execute("SELECT verified FROM catalog_codes WHERE code = 'ATA3'").fetchone() == (0,)


def test_unchanged_files_cost_nothing(db: Database, assets: Path) -> None:
    ensure_starter_catalog(db, assets)
    changes = db.conn.total_changes
    started = time.perf_counter()
    assert ensure_starter_catalog(db, assets) is False
    assert time.perf_counter() - started < 0.02
    assert db.conn.total_changes == changes


def test_changed_files_are_reloaded(db: Database, assets: Path) -> None:
    ensure_starter_catalog(db, assets)
    codes = assets / "codes.tsv"
    codes.write_text(
        codes.read_text(encoding="utf-8").replace("Planlagt", "Planlagt kontakt"), encoding="utf-8"
    )
    assert ensure_starter_catalog(db, assets) is True
    assert CatalogStore(db).text("ATA3") == "Planlagt kontakt"
    assert db.execute("SELECT count(*) FROM catalog_codes WHERE code = 'ATA3'").fetchone() == (1,)


def test_reload_never_deletes_imported_codes_or_units(db: Database, assets: Path) -> None:
    ensure_starter_catalog(db, assets)
    import_sks(db, DATA / "sks_small.txt")
    import_sor(db, DATA / "sor_small.csv")
    (assets / "codes.tsv").write_text(
        "code\ttext\trecord_type\tvalid_from\tvalid_to\tverified\n", encoding="utf-8"
    )
    (assets / "sor_units.tsv").unlink()
    assert ensure_starter_catalog(db, assets) is True
    store = CatalogStore(db)
    assert store.text("ALCA00") == "Fysisk fremmøde"
    assert store.text("ATA1") is None
    assert store.sor_get("486811000016002").name == "Klinik Øresund (SOR)"
    assert store.sor_get("6071000016008") is None


def test_starter_code_that_sks_has_is_skipped(db: Database, assets: Path) -> None:
    import_sks(db, DATA / "sks_small.txt")
    ensure_starter_catalog(db, assets)
    rows = db.execute("SELECT source FROM catalog_codes WHERE code = 'ALCA00'").fetchall()
    assert rows == [("sks",)]


def test_missing_folder_loads_an_empty_catalog(db: Database, tmp_path: Path) -> None:
    assert ensure_starter_catalog(db, tmp_path / "nothing") is True
    assert ensure_starter_catalog(db, tmp_path / "nothing") is False


def test_bad_starter_row_names_file_and_line(db: Database, assets: Path) -> None:
    (assets / "lists.tsv").write_text(
        "list_name\tmember\tmatch\tverified\nx\tA\tfuzzy\t1\n", encoding="utf-8"
    )
    with pytest.raises(CatalogImportError, match="lists.tsv") as info:
        ensure_starter_catalog(db, assets)
    assert info.value.line_no == 2
    assert db.execute("SELECT count(*) FROM catalog_codes").fetchone() == (0,)
