"""Importing SKScomplete.txt: periods kept, malformed lines reported by number, all or nothing, idempotent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from seilocal.store.catalog import CatalogImportError, CatalogStore, import_sks
from seilocal.store.catalog.starter import ensure_starter_catalog

DATA = Path(__file__).parent / "data" / "catalog"


@pytest.fixture
def db(catalog_db: Database) -> Database:
    return catalog_db  # the schema only


def dump(db: Database) -> list[tuple]:
    return db.execute("SELECT * FROM catalog_codes ORDER BY id").fetchall()


def test_import_reads_every_record_and_keeps_every_period(db: Database) -> None:
    result = import_sks(db, DATA / "sks_small.txt")
    assert result.counts["read"] == 14
    assert result.counts["inserted"] == 14
    periods = CatalogStore(db).periods("DZ001")
    assert [(p.valid_from, p.valid_to) for p in periods] == [
        (date(2010, 1, 1), None),
        (date(1994, 1, 1), date(2009, 12, 31)),
    ]
    row = db.execute(
        "SELECT record_type, source, verified FROM catalog_codes WHERE code = 'AFV01B'"
    ).fetchone()
    assert row == ("adm", "sks", 1)


def test_windows_1252_text_is_decoded(db: Database) -> None:
    import_sks(db, DATA / "sks_small.txt")
    assert CatalogStore(db).text("DN809") == "Ægløsningsforstyrrelse UNS"


def test_malformed_line_is_reported_with_its_number_and_nothing_is_written(db: Database) -> None:
    with pytest.raises(CatalogImportError) as info:
        import_sks(db, DATA / "sks_bad_date.txt")
    assert info.value.line_no == 4
    assert "20191399" in info.value.message
    assert db.execute("SELECT count(*) FROM catalog_codes").fetchone()[0] == 0


def test_failed_import_leaves_the_previous_catalog_untouched(db: Database, tmp_path: Path) -> None:
    import_sks(db, DATA / "sks_small.txt")
    before = dump(db)
    good = (DATA / "sks_small.txt").read_bytes().replace(b"Udredning start", b"Udredning START")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(good + b"dia" + b"X" * 10 + b"\r\n")
    with pytest.raises(CatalogImportError) as info:
        import_sks(db, bad)
    assert info.value.line_no == 15
    assert dump(db) == before


def test_error_in_the_write_phase_rolls_back(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import seilocal.store.catalog.sks_import as sks

    def explode(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(sks, "_insert_in_chunks", explode)
    with pytest.raises(RuntimeError):
        import_sks(db, DATA / "sks_small.txt")
    assert db.execute("SELECT count(*) FROM catalog_codes").fetchone()[0] == 0
    assert not db.conn.in_transaction


def test_reimport_of_the_same_file_changes_nothing(db: Database) -> None:
    import_sks(db, DATA / "sks_small.txt")
    before = dump(db)
    changes = db.conn.total_changes
    result = import_sks(db, DATA / "sks_small.txt")
    assert result.counts["inserted"] == result.counts["updated"] == 0
    assert result.counts["unchanged"] == 14
    assert not result.changed
    assert db.conn.total_changes == changes
    assert dump(db) == before


def test_changed_text_is_updated_and_searchable(db: Database, tmp_path: Path) -> None:
    import_sks(db, DATA / "sks_small.txt")
    newer = tmp_path / "SKScomplete.txt"
    newer.write_bytes((DATA / "sks_small.txt").read_bytes().replace(b"Virtuel kontakt", b"Videokonsultation"))
    result = import_sks(db, newer)
    assert result.counts["updated"] == 1
    store = CatalogStore(db)
    assert store.text("ALCA03") == "Videokonsultation"
    assert [h.code for h in store.search("videokon")] == ["ALCA03"]
    assert store.search("virtuel") == []


def test_progress_rises_to_one(db: Database) -> None:
    seen: list[float] = []
    import_sks(db, DATA / "sks_small.txt", progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == pytest.approx(1.0)


def test_sks_import_replaces_the_starter_row_of_the_same_code(db: Database) -> None:
    ensure_starter_catalog(db, DATA / "starter")
    assert CatalogStore(db).text("ALCA00") == "fysisk fremmøde (starter)"
    result = import_sks(db, DATA / "sks_small.txt")
    assert result.counts["replaced_starter"] == 1
    rows = db.execute("SELECT source, text FROM catalog_codes WHERE code = 'ALCA00'").fetchall()
    assert rows == [("sks", "Fysisk fremmøde")]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("dia", "at least 47"),
        ("dia" + " " * 20 + "20190101" + " " * 16 + "tekst", "code"),
        ("d1aDA00" + " " * 16 + "20190101" + " " * 16 + "tekst", "record type"),
        ("diaDA00" + " " * 16 + "20190101" + " " * 8 + "20180101" + "tekst", "before"),
    ],
)
def test_each_kind_of_bad_line_is_refused(db: Database, tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes((line + "\r\n").encode("cp1252"))
    with pytest.raises(CatalogImportError, match=message) as info:
        import_sks(db, path)
    assert info.value.line_no == 1


def test_a_huge_single_line_is_refused_without_reading_it_whole(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    good = (DATA / "sks_small.txt").read_bytes().splitlines(keepends=True)[0]
    with path.open("wb") as handle:
        handle.write(good)
        handle.write(b"x" * (8 * 1024 * 1024))  # no line end: refused after MAX_LINE_BYTES, whatever the size
    with pytest.raises(CatalogImportError) as info:
        import_sks(db, path)
    assert info.value.line_no == 2 and "longer than" in info.value.message
    assert db.execute("SELECT count(*) FROM catalog_codes").fetchone()[0] == 0


def test_a_full_size_sks_file_replaces_the_bundled_catalog_and_brings_dates(tmp_path: Path) -> None:
    from seilocal.resources import asset_path
    from seilocal.store import memory_store
    from seilocal.store.catalog.search import CatalogStore as Store
    from seilocal.store.catalog.sks_bundle import ASSET, parse_bundle

    codes = parse_bundle(asset_path("catalog", ASSET).read_bytes())
    lines = []
    for code in codes.values():
        # Every older text as a closed period, the current text open: about 107,000 lines as in SKScomplete.
        history = [*code.history, code.text]
        for n, text in enumerate(history):
            start = f"{1995 + n:04d}0101"
            end = "" if n == len(history) - 1 else f"{1995 + n:04d}1231"
            lines.append(f"{code.record_type:<3}{code.code:<20}{start}{start}{end:<8}{text[:120]:<120}")
    path = tmp_path / "SKScomplete.txt"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    assert len(lines) > 100_000
    store = memory_store()
    before = store.db.execute("SELECT count(*) FROM catalog_codes WHERE source = 'starter'").fetchone()[0]
    assert before > 70_000
    result = import_sks(store.db, path)
    assert result.counts["replaced_starter"] == before
    assert store.db.execute("SELECT count(*) FROM catalog_codes WHERE source = 'starter'").fetchone()[0] == 0
    catalog = Store(store.db)
    assert catalog.sks_imported()
    assert catalog.is_valid("DT636C", date(1995, 6, 1)) and catalog.text("DT636C") == codes["DT636C"].text
    assert [hit.code for hit in catalog.search("forgiftning ved kontakt med musling")] == ["DT636C"]
    assert catalog.is_authoritative("admin.konttype")  # the lists derived from SKS stay
