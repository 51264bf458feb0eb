"""Type-ahead search and the rules' CodeCatalog questions over a small imported catalog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from seilocal.rules.catalog import CodeCatalog
from seilocal.store.catalog import CatalogStore

DATA = Path(__file__).parent / "data" / "catalog"
pytestmark = pytest.mark.catalog(starter=DATA / "starter", sks=DATA / "sks_small.txt")


@pytest.fixture
def store(catalog_db: Database) -> CatalogStore:
    return CatalogStore(catalog_db)


def codes(hits: list) -> list[str]:
    return [h.code for h in hits]


def test_exact_code_first_then_code_prefix_then_text(store: CatalogStore) -> None:
    store.db.execute(
        "INSERT INTO catalog_codes (code, code_key, text, text_key, source) "
        "VALUES ('DX1', 'dx1', 'Nævner afv01 i teksten', 'nævner afv01 i teksten', 'starter')"
    )
    assert codes(store.search("AFV01")) == ["AFV01", "AFV01A1", "AFV01B", "AFV01F", "DX1"]


def test_prefix_mode_matches_the_start_of_a_word_of_the_text(store: CatalogStore) -> None:
    assert set(codes(store.search("udred"))) == {"AFV01A1", "AFV01B"}
    assert codes(store.search("dning")) == []
    assert codes(store.search("udredning st")) == ["AFV01B"]


def test_contains_mode_matches_inside_words_and_codes(store: CatalogStore) -> None:
    assert set(codes(store.search("dning", mode="contains"))) == {"AFV01A1", "AFV01B", "ALDA11"}
    assert codes(store.search("1A", mode="contains")) == ["AFV01A1"]
    assert codes(store.search("CA00", mode="contains")) == ["ALCA00", "UXCA00"]


def test_one_and_two_characters_find_something_in_both_modes(store: CatalogStore) -> None:
    assert codes(store.search("u", limit=3))[0] == "UXCA00"
    assert "DC712M" in codes(store.search("lap", mode="contains"))
    assert set(codes(store.search("æg", mode="contains"))) == {"DN809", "KAAA27"}  # indlæggelse


def test_danish_letters_and_case_are_folded(store: CatalogStore) -> None:
    assert codes(store.search("ÆG")) == ["DN809"]
    assert codes(store.search("ægløsning")) == ["DN809"]
    assert codes(store.search("ØVRE")) == ["DJ069"]
    assert codes(store.search("afv01b")) == ["AFV01B"]
    assert codes(store.search("aeg")) == []


def test_hits_carry_text_and_validity(store: CatalogStore) -> None:
    (hit,) = store.search("AFV01B")
    assert hit.text == "Udredning start"
    assert hit.valid_from == date(2019, 3, 1)
    assert hit.valid_to is None


def test_one_hit_per_code_and_the_period_valid_at_the_date(store: CatalogStore) -> None:
    assert [(h.code, h.text) for h in store.search("DZ001")] == [
        ("DZ001", "Rutinemæssig helbredsundersøgelse af barn")
    ]
    old = store.search("DZ001", at=date(2005, 6, 1))
    assert [(h.code, h.text) for h in old] == [("DZ001", "Kontrolundersøgelse af barn (gammel tekst)")]


def test_expired_codes_are_left_out_at_a_later_date(store: CatalogStore) -> None:
    assert codes(store.search("akutordning")) == ["ALDA11"]
    assert codes(store.search("akutordning", at=date(2022, 12, 31))) == ["ALDA11"]
    assert codes(store.search("akutordning", at=date(2023, 1, 1))) == []
    assert codes(store.search("AFV", at=date(2019, 2, 28))) == []


def test_search_limited_to_a_named_list_of_codes(store: CatalogStore) -> None:
    assert codes(store.search("", list_name="admin.konttype")) == ["ALCA00", "ALCA03"]
    assert codes(store.search("virt", list_name="admin.konttype")) == ["ALCA03"]
    assert codes(store.search("kont", list_name="admin.konttype", mode="contains")) == ["ALCA03"]
    assert codes(store.search("akut", list_name="admin.konttype")) == []


def test_search_limited_to_a_list_given_by_prefix(store: CatalogStore) -> None:
    assert set(codes(store.search("a", list_name="diag"))) == {"DJ069", "DZ001"}  # "af barn"
    assert "DC712M" in codes(store.search("kræft", list_name="diag"))
    assert codes(store.search("udredning", list_name="diag")) == []


def test_limit_and_blank_input(store: CatalogStore) -> None:
    assert len(store.search("a", limit=2)) == 2
    assert store.search("   ") == []
    assert store.search("***") == []
    assert store.search('"%_') == []


def test_get_returns_latest_period_or_the_one_at_a_date(store: CatalogStore) -> None:
    assert store.get("DZ001").valid_from == date(2010, 1, 1)
    assert store.get("DZ001", at=date(2000, 1, 1)).valid_to == date(2009, 12, 31)
    assert store.get("NOPE") is None


def test_store_satisfies_the_code_catalog_protocol(store: CatalogStore) -> None:
    catalog: CodeCatalog = store
    assert catalog.knows_list("admin.konttype") is True
    assert catalog.knows_list("diag.car") is False
    assert catalog.in_list("admin.konttype", "ALCA00") is True
    assert catalog.in_list("admin.konttype", "ATA1") is False
    assert catalog.in_list("diag", "DJ069", at=date(2020, 1, 1)) is True
    assert catalog.in_list("diag", "DZ001", at=date(2020, 1, 1)) is True
    assert catalog.in_list("admin.prioritet", "ATA1", at=date(2018, 1, 1)) is False  # code not yet valid
    assert catalog.is_valid("ALDA11", date(2022, 6, 1)) is True
    assert catalog.is_valid("ALDA11", date(2023, 6, 1)) is False
    assert catalog.is_valid("ALDA11") is True
    assert catalog.is_valid("QQQ999") is None
    assert catalog.text("AFV01B") == "Udredning start"
    assert catalog.text("QQQ999") is None
    assert catalog.sor_valid("6071000016008", date(2024, 1, 1)) is True
    assert catalog.sor_valid("404261000016009", date(2021, 1, 1)) is False
    assert catalog.sor_valid("1") is None


@pytest.mark.parametrize("typed", ["k", "ka", "u", "b", "zz"])
def test_the_proc_group_lists_the_first_codes_of_all_its_record_types_in_code_order(typed: str) -> None:
    # The field group `proc` spans three record types; its code-prefix tier walks each type apart and merges.
    from seilocal.store import memory_store

    catalog = memory_store().catalog
    rows = catalog.db.execute(
        "SELECT code FROM catalog_codes WHERE record_type IN ('pro', 'opr', 'und') AND code_key > ? "
        "AND code_key < ? ORDER BY code_key, valid_from DESC", (typed, typed + "\U0010ffff")).fetchall()
    first = list(dict.fromkeys(code for (code,) in rows))[:20]
    exact = [code for (code,) in catalog.db.execute(
        "SELECT code FROM catalog_codes WHERE record_type IN ('pro', 'opr', 'und') AND code_key = ?", (typed,))]
    assert len(first) == 20
    assert codes(catalog.search(typed, list_name="proc", limit=20)) == (exact + first)[:20]
