"""The whole of a short named list for a drop-down (issue 13, item 4): prefixes expanded, dated, capped."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from seilocal.store import memory_store
from seilocal.store.catalog import CatalogStore
from seilocal.store.catalog.schema import LISTS
from seilocal.store.catalog.short_list import short_list

DATA = Path(__file__).parent / "data" / "catalog"


pytestmark = pytest.mark.catalog(sks=DATA / "sks_small.txt")


@pytest.fixture
def catalog(catalog_db: Database) -> CatalogStore:
    db = catalog_db
    rows = [
        ("t.markers", "AFV01", "prefix", None, None),
        ("t.mixed", "ALCA00", "code", None, None),
        ("t.mixed", "ALDA", "prefix", None, None),  # ALDA11 ends 2022-12-31
        ("t.mixed", "ALCA03", "code", "2025-01-01", None),  # a member only from 2025
        ("t.periods", "DZ001", "code", None, None),  # two validity periods of one code
    ]
    db[LISTS].insert_all(
        [dict(zip(("list_name", "member", "match", "valid_from", "valid_to"), row, strict=True)) for row in rows])
    return CatalogStore(db)


def codes(hits) -> list[str] | None:
    return None if hits is None else [hit.code for hit in hits]


def test_a_prefix_member_is_expanded_in_code_order(catalog: CatalogStore) -> None:
    assert codes(short_list(catalog, "t.markers")) == ["AFV01", "AFV01A1", "AFV01B", "AFV01F"]


def test_more_codes_than_the_limit_is_a_long_list(catalog: CatalogStore) -> None:
    assert codes(short_list(catalog, "t.markers", limit=4)) == ["AFV01", "AFV01A1", "AFV01B", "AFV01F"]
    assert short_list(catalog, "t.markers", limit=3) is None
    assert short_list(catalog, "no.such.list") is None


def test_the_day_picks_members_and_codes_valid_then(catalog: CatalogStore) -> None:
    assert codes(short_list(catalog, "t.mixed", at=date(2021, 6, 1))) == ["ALCA00", "ALDA11"]
    assert codes(short_list(catalog, "t.mixed", at=date(2026, 11, 3))) == ["ALCA00", "ALCA03"]
    assert codes(short_list(catalog, "t.mixed")) == ["ALCA00", "ALCA03", "ALDA11"]  # no day: every member


def test_a_code_with_several_periods_is_one_option_with_the_text_of_the_day(catalog: CatalogStore) -> None:
    (latest,) = short_list(catalog, "t.periods")
    (old,) = short_list(catalog, "t.periods", at=date(2005, 1, 1))
    assert latest.text.startswith("Rutinem") and old.text.startswith("Kontrolunders")


def test_the_starter_catalogs_short_and_long_lists() -> None:
    store = memory_store()
    on = date(2026, 11, 3)
    # Both derived from the SKS subtrees ALDB "Henvisning fritvalg" and TUL "Sideangivelse" (SKS 2026-06).
    assert codes(short_list(store.catalog, "admin.fritvalg", at=on)) == ["ALDB00", "ALDB01", "ALDB02", "ALDB03"]
    assert codes(short_list(store.catalog, "spec.lateraldiag", at=on)) == [
        "TUL0", "TUL1", "TUL2", "TUL3", "TUL7", "TUL9A", "TUL9B"]
    assert short_list(store.catalog, "diag", at=on) is None
    assert short_list(store.catalog, "proc.opr", at=on) is None


def test_an_answer_is_kept_until_the_catalog_changes_here_or_in_another_connection(tmp_path: Path) -> None:
    from seilocal.store.catalog import apply_catalog_schema, import_sks
    from seilocal.store.catalog.common import bump_generation

    path = tmp_path / "catalog.sqlite"
    db = Database(path)
    apply_catalog_schema(db)
    import_sks(db, DATA / "sks_small.txt")
    db[LISTS].insert({"list_name": "t.cached", "member": "ALCA00", "match": "code"})
    catalog = CatalogStore(db)
    assert codes(short_list(catalog, "t.cached")) == ["ALCA00"]

    db.conn.execute(f"INSERT INTO {LISTS} (list_name, member, match) VALUES ('t.cached', 'ALCA03', 'code')")
    db.conn.commit()
    assert codes(short_list(catalog, "t.cached")) == ["ALCA00"]  # the same connection: only a generation tells
    bump_generation()  # as every importer does
    assert codes(short_list(catalog, "t.cached")) == ["ALCA00", "ALCA03"]

    other = Database(path)  # another process's import: SQLite's data_version tells
    other.conn.execute(f"DELETE FROM {LISTS} WHERE list_name = 't.cached' AND member = 'ALCA03'")
    other.conn.commit()
    assert codes(short_list(catalog, "t.cached")) == ["ALCA00"]
