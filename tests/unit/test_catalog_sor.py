"""SOR units: CSV and XML import, search, the look-up dialog's column filters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from seilocal.store.catalog import CatalogImportError, CatalogStore
from seilocal.store.catalog.sor_import import import_sor

DATA = Path(__file__).parent / "data" / "catalog"
pytestmark = pytest.mark.catalog(starter=DATA / "starter")


@pytest.fixture
def store(catalog_db: Database) -> CatalogStore:
    return CatalogStore(catalog_db)


def test_csv_with_danish_headers_and_semicolons(store: CatalogStore) -> None:
    result = import_sor(store.db, DATA / "sor_small.csv")
    assert result.counts == {"read": 2, "inserted": 1, "updated": 1, "unchanged": 0, "ignored_columns": 0}
    ssi = store.sor_get("276231000016004")
    assert (ssi.name, ssi.level, ssi.owner_type, ssi.cvr) == (
        "Statens Serum Institut",
        "SI",
        "statslig",
        "46837428",
    )
    assert ssi.valid_from == date(2000, 1, 1)


def test_reimport_changes_nothing(store: CatalogStore) -> None:
    import_sor(store.db, DATA / "sor_small.csv")
    changes = store.db.conn.total_changes
    result = import_sor(store.db, DATA / "sor_small.csv")
    assert result.counts["unchanged"] == 2
    assert store.db.conn.total_changes == changes


def test_bad_row_is_reported_by_line_and_nothing_written(store: CatalogStore) -> None:
    with pytest.raises(CatalogImportError) as info:
        import_sor(store.db, DATA / "sor_bad.csv")
    assert info.value.line_no == 3
    assert store.sor_get("111000016001") is None


def test_xml_export_gives_levels_parents_and_owner_type(store: CatalogStore) -> None:
    result = import_sor(store.db, DATA / "sor_small.xml")
    assert result.counts["inserted"] == 2
    hospital = store.sor_get("900011000016002")
    clinic = store.sor_get("900021000016003")
    assert (hospital.level, hospital.parent, hospital.owner_type) == ("SI", "900001000016001", "regional")
    assert hospital.valid_to == date(2030, 12, 31)
    assert (clinic.level, clinic.parent, clinic.unit_type, clinic.ydernummer) == (
        "OE",
        "900011000016002",
        "Klinik",
        "765432",
    )


def test_broken_xml_is_refused_with_a_line(store: CatalogStore, tmp_path: Path) -> None:
    path = tmp_path / "sor.xml"
    path.write_text("<a>\n<b>\n</a>\n", encoding="utf-8")
    with pytest.raises(CatalogImportError) as info:
        import_sor(store.db, path)
    assert info.value.line_no == 3


def test_sor_search_by_code_prefix_first_then_name(store: CatalogStore) -> None:
    assert [u.sor_id for u in store.sor_search("4868")] == ["486811000016002", "486821000016009"]
    assert [u.name for u in store.sor_search("øresund")] == ["Klinik Øresund", "Klinik Øresund, øjenafdeling"]
    assert [u.name for u in store.sor_search("ØRESUND", level="OE")] == ["Klinik Øresund, øjenafdeling"]
    assert [u.sor_id for u in store.sor_search("", owner_type="regional")] == ["6071000016008"]


def test_dialog_filters_per_column(store: CatalogStore) -> None:
    assert [u.sor_id for u in store.sor_filter(cvr="12345678")] == ["486811000016002", "486821000016009"]
    assert [u.sor_id for u in store.sor_filter(cvr="12345678", level="SI")] == ["486811000016002"]
    assert [u.sor_id for u in store.sor_filter(unit_type="afdel")] == ["486821000016009"]
    assert [u.sor_id for u in store.sor_filter(ydernummer="0123")] == ["486811000016002", "486821000016009"]
    assert [u.sor_id for u in store.sor_filter(owner_type="kommunal", name="sundhed")] == ["404261000016009"]
    assert [u.sor_id for u in store.sor_filter(sor_id="607")] == ["6071000016008"]
    assert store.sor_filter(name="findes ikke") == []
