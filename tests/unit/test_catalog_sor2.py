"""SOR as SDS publishes it (SOR2): SorEntity_daily.csv and Sor_complete.zip import as downloaded."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from seilocal.refusals import render_cause
from seilocal.store.catalog import CatalogStore, apply_catalog_schema
from seilocal.store.catalog.sor_csv import MAX_LINE
from seilocal.store.catalog.sor_errors import SorImportError
from seilocal.store.catalog.sor_import import import_sor

DAILY = Path(__file__).parent / "data" / "catalog" / "sor2" / "SorEntity_daily.csv"
SI_A, PSYK, DERMA, FUTURE = "911111000016004", "911112000016002", "911113000016000", "911114000016009"
SI_B, ORTO_AFD, ORTO_AMB, KOMMUNE = "922221000016008", "922222000016006", "922223000016001", "933331000016003"
MY_CVR = "31313131"


@pytest.fixture
def store(catalog_db: Database) -> CatalogStore:
    return CatalogStore(catalog_db)  # the schema only


def sor_rows(store: CatalogStore) -> list[tuple]:
    return store.db.execute("SELECT * FROM catalog_sor_units ORDER BY sor_id").fetchall()


def test_the_daily_file_imports_as_downloaded(store: CatalogStore) -> None:
    result = import_sor(store.db, DAILY)
    assert result.counts == {"read": 8, "inserted": 8, "updated": 0, "unchanged": 0, "ignored_columns": 32}
    si = store.sor_get(SI_A)
    assert (si.name, si.level, si.owner_type, si.cvr, si.ydernummer, si.unit_type) == (
        "Speciallægepraksis Nørrebro ApS", "SI", "privat", MY_CVR, "123456", "Speciallægepraksis")
    assert (si.parent, si.si_id, si.sor_type, si.org_level) == (None, None, "SI", "Institution")
    # FirstFromDate is the first valid day; FromDate (2024-05-01) only the day of the latest change
    assert (si.valid_from, si.valid_to) == (date(2012, 3, 1), None)


def test_an_oe_sits_under_its_si_with_the_first_speciality_and_the_si_cvr(store: CatalogStore) -> None:
    import_sor(store.db, DAILY)
    psyk = store.sor_get(PSYK)
    assert (psyk.level, psyk.parent, psyk.si_id, psyk.si_name) == (
        "OE", SI_A, SI_A, "Speciallægepraksis Nørrebro ApS")  # the SI code was written "=""...""" quoted
    assert psyk.speciality == "Psykiatri" and store.sor_psychiatric(PSYK) is True
    assert (psyk.cvr, psyk.owner_type) == (MY_CVR, "privat")  # inherited: the OE row has no CVR
    amb = store.sor_get(ORTO_AMB)
    assert (amb.parent, amb.si_id) == (ORTO_AFD, SI_B)  # the file names a parent entity
    assert store.sor_get(KOMMUNE).owner_type == "kommunal"
    assert store.sor_get(SI_B).owner_type == "regional"


def test_closing_in_the_future_and_starting_in_the_future_are_periods(store: CatalogStore) -> None:
    import_sor(store.db, DAILY)
    assert store.sor_period(DERMA) == (date(2015, 1, 1), date(2027, 6, 30))
    assert store.sor_valid(DERMA, date(2026, 11, 25)) is True
    assert store.sor_valid(DERMA, date(2027, 7, 1)) is False
    assert store.sor_valid(FUTURE, date(2026, 11, 25)) is False
    assert store.sor_valid(FUTURE, date(2027, 2, 1)) is True


def test_units_are_found_by_name_sor_code_and_cvr(store: CatalogStore) -> None:
    import_sor(store.db, DAILY)
    assert [u.sor_id for u in store.sor_search("vestkysten, ortopæd")] == [ORTO_AFD, ORTO_AMB]
    assert [u.sor_id for u in store.sor_search("9111")] == [SI_A, PSYK, DERMA, FUTURE]
    assert [u.sor_id for u in store.sor_search(MY_CVR)] == [SI_A, DERMA, PSYK, FUTURE]  # the SI first
    assert [u.sor_id for u in store.sor_filter(cvr=MY_CVR, level="SI")] == [SI_A]
    assert store.sor_search("12345678") == []


def test_reimport_changes_nothing(store: CatalogStore) -> None:
    import_sor(store.db, DAILY)
    changes = store.db.conn.total_changes
    assert import_sor(store.db, DAILY).counts["unchanged"] == 8
    assert store.db.conn.total_changes == changes


def variants(tmp_path: Path) -> dict[str, Path]:
    """The daily file as UTF-8 without a BOM, as Windows-1252, and with its columns in another order."""
    text = DAILY.read_bytes().decode("utf-8-sig")
    out = {}
    for name, data in (("plain", text.encode("utf-8")), ("cp1252", text.encode("cp1252"))):
        out[name] = tmp_path / f"{name}.csv"
        out[name].write_bytes(data)
    lines = [line.split(";") for line in text.splitlines()]
    order = list(reversed(range(len(lines[0]))))
    out["reordered"] = tmp_path / "reordered.csv"
    out["reordered"].write_text("\n".join(";".join(cells[i] for i in order) for cells in lines), encoding="utf-8")
    return out


@pytest.mark.parametrize("variant", ["plain", "cp1252", "reordered"])
def test_encodings_and_column_order_give_the_same_units(store: CatalogStore, tmp_path: Path, variant: str) -> None:
    import_sor(store.db, DAILY)
    expected = sor_rows(store)
    other = Database(memory=True)
    apply_catalog_schema(other)
    import_sor(other, variants(tmp_path)[variant])
    assert other.execute("SELECT * FROM catalog_sor_units ORDER BY sor_id").fetchall() == expected


def zipped(tmp_path: Path, members: dict[str, bytes]) -> Path:
    path = tmp_path / "Sor_complete.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_the_zip_is_read_from_its_sorentity_member_with_history(store: CatalogStore, tmp_path: Path) -> None:
    daily = DAILY.read_bytes()
    header, first, *rest = daily.decode("utf-8-sig").split("\r\n")
    # an older version of the SI (other name, earlier FromDate) after its current one: the latest one wins
    old = first.replace("Speciallægepraksis Nørrebro ApS;SI", "Lægepraksis Nørrebro;SI").replace(
        "2024-05-01", "2012-03-01")
    history = "\r\n".join([header, first, old, *rest]).encode("utf-8")
    path = zipped(tmp_path, {"LocationsCode.csv": b"a;b\n1;2\n", "SOREntity.csv": history,
                             "SorClassifications.csv": b"x\n"})
    result = import_sor(store.db, path)
    assert result.counts["read"] == 8
    assert store.sor_get(SI_A).name == "Speciallægepraksis Nørrebro ApS"
    assert store.sor_get(SI_A).valid_from == date(2012, 3, 1)
    assert not list(tmp_path.glob("*.csv"))  # read from the archive, nothing unpacked


def test_a_zip_without_sorentity_is_refused_naming_what_it_holds(store: CatalogStore, tmp_path: Path) -> None:
    path = zipped(tmp_path, {"LocationsCode.csv": b"a;b\n"})
    with pytest.raises(SorImportError) as info:
        import_sor(store.db, path)
    assert info.value.kind == "zip-no-entity"
    assert "LocationsCode.csv" in render_cause(info.value, "da")


def test_a_file_that_is_not_sor_is_refused_naming_what_is_missing(store: CatalogStore, tmp_path: Path) -> None:
    path = tmp_path / "andet.csv"
    path.write_text("Dato;Beløb;Tekst\n2026-01-01;100;Kaffe\n", encoding="utf-8")
    with pytest.raises(SorImportError) as info:
        import_sor(store.db, path)
    assert info.value.kind == "not-sor"
    assert render_cause(info.value, "da") == (
        "filen er ikke en SOR-fil: der er ingen kolonne med SOR-kode og navn (fx SorId, sor_id, SOR-kode; "
        "EntityName, name, navn). Filens første kolonner er: Dato, Beløb, Tekst")
    assert "no column for the SOR code and name" in str(info.value)
    only_id = tmp_path / "id.csv"
    only_id.write_text("SorId;SorType\n=\"1\";SI\n", encoding="utf-8")
    with pytest.raises(SorImportError) as info:
        import_sor(store.db, only_id)
    assert info.value.values["missing"] == "name" and "ingen kolonne med navn" in render_cause(info.value, "da")


def test_a_bad_row_gives_its_line_and_nothing_is_written(store: CatalogStore, tmp_path: Path) -> None:
    import_sor(store.db, DAILY)
    before = sor_rows(store)
    lines = DAILY.read_bytes().decode("utf-8-sig").split("\r\n")
    lines[1] = lines[1].replace("Speciallægepraksis Nørrebro ApS;SI", "Omdøbt;SI")  # a change that must not land
    lines[5] = lines[5].replace("2019-01-01", "2019-13-01")
    path = tmp_path / "bad.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    with pytest.raises(SorImportError) as info:
        import_sor(store.db, path)
    assert (info.value.line_no, info.value.kind, info.value.values["column"]) == (6, "bad-date", "FromDate")
    assert render_cause(info.value, "da") == "»FromDate« »2019-13-01« er ikke en dato (åååå-mm-dd)"
    assert sor_rows(store) == before


def test_a_short_row_gives_its_line(store: CatalogStore, tmp_path: Path) -> None:
    lines = DAILY.read_bytes().decode("utf-8-sig").split("\r\n")
    lines[3] = ";".join(lines[3].split(";")[:20])
    path = tmp_path / "short.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    with pytest.raises(SorImportError) as info:
        import_sor(store.db, path)
    assert (info.value.line_no, info.value.kind) == (4, "bad-fields")
    assert sor_rows(store) == []


class CountingStream(io.BytesIO):
    """Records the largest single read, to show that a long line is never read whole."""

    largest = 0

    def readline(self, size: int | None = -1) -> bytes:
        data = super().readline(size)
        CountingStream.largest = max(CountingStream.largest, len(data))
        return data


def test_a_huge_single_line_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    from seilocal.store.catalog.sor_import import read_sor_csv

    data = b"SorId;EntityName;" + b"x" * (3 * MAX_LINE)
    with pytest.raises(SorImportError) as info:
        read_sor_csv(lambda: CountingStream(data), len(data))
    assert (info.value.line_no, info.value.kind) == (1, "line-too-long")
    assert CountingStream.largest <= MAX_LINE + 1


def test_our_own_layout_ignores_unknown_columns_and_counts_them(store: CatalogStore, tmp_path: Path) -> None:
    path = tmp_path / "own.csv"
    path.write_text("sor_id;name;bemærkning;level\n123;Klinik A;hej;SI\n", encoding="utf-8")
    assert import_sor(store.db, path).counts["ignored_columns"] == 1
    assert store.sor_get("123").level == "SI"


def test_the_name_index_follows_renames_and_deletes(store: CatalogStore, tmp_path: Path) -> None:
    import_sor(store.db, DAILY)
    renamed = tmp_path / "renamed.csv"
    renamed.write_bytes(DAILY.read_bytes().replace(
        b"Regionshospital Vestkysten;SI", b"Sydvestjysk Sygehus;SI"))
    assert import_sor(store.db, renamed).counts["updated"] == 1
    assert [u.sor_id for u in store.sor_search("sydvestjysk")] == [SI_B]
    assert SI_B not in [u.sor_id for u in store.sor_search("vestkysten")]
    store.db.execute("DELETE FROM catalog_sor_units WHERE sor_id = ?", [ORTO_AFD])  # as the starter loader does
    assert [u.sor_id for u in store.sor_search("ortopædkirurgisk")] == [ORTO_AMB]
    assert [u.sor_id for u in store.sor_filter(name="ortopædkirurgisk")] == [ORTO_AMB]


def test_the_name_filter_gives_the_same_rows_for_common_and_rare_text(
    store: CatalogStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seilocal.store.catalog import sor_search

    import_sor(store.db, DAILY)
    rare = [u.sor_id for u in store.sor_filter(name="nørrebro aps, ")]
    monkeypatch.setattr(sor_search, "RARE", 1)  # every text counts as common: the name index leads
    assert [u.sor_id for u in store.sor_filter(name="nørrebro aps, ")] == rare == [DERMA, PSYK, FUTURE]


def test_the_migration_indexes_the_names_of_units_already_there() -> None:
    from seilocal.store.catalog import catalog_migrations

    db = Database(memory=True)
    catalog_migrations.apply(db, stop_before="m004_sor2_entity_fields")
    db.execute("INSERT INTO catalog_sor_units (sor_id, name, name_key, source) VALUES "
               "('123', 'Øjenklinikken Vest', 'øjenklinikken vest', 'sor')")
    apply_catalog_schema(db)
    store = CatalogStore(db)
    assert [u.sor_id for u in store.sor_search("klinikken")] == ["123"]
    assert store.sor_get("123").si_id is None


@pytest.mark.parametrize("written", ["2012-03-01", "2012-03-01 00:00:00", "01-03-2012", "01.03.2012", "20120301"])
def test_date_spellings(store: CatalogStore, tmp_path: Path, written: str) -> None:
    path = tmp_path / "d.csv"
    path.write_text(f'SorId;EntityName;SorType;FirstFromDate\n="1";Klinik;SI;{written}\n', encoding="utf-8")
    import_sor(store.db, path)
    assert store.sor_get("1").valid_from == date(2012, 3, 1)


def test_a_damaged_zip_is_refused_with_a_message_wherever_it_is_damaged(tmp_path: Path) -> None:
    path = zipped(tmp_path, {"SOREntity.csv": DAILY.read_bytes()})
    good = path.read_bytes()
    header_end, directory = 64, good.rindex(b"PK\x01\x02")
    for at in [*range(header_end), *range(directory, len(good)), len(good) // 2]:
        db = Database(memory=True)
        apply_catalog_schema(db)
        path.write_bytes(good[:at] + bytes([good[at] ^ 0xFF]) + good[at + 1:])
        try:
            import_sor(db, path)
        except SorImportError as exc:
            assert render_cause(exc, "da").strip(), at
    path.write_bytes(good[: len(good) // 2])  # cut short
    with pytest.raises(SorImportError):
        import_sor(Database(memory=True), path)


def test_other_entity_types_are_kept_without_a_level(store: CatalogStore, tmp_path: Path) -> None:
    path = tmp_path / "types.csv"
    path.write_text('SorId;EntityName;SorType\n="1";Ejer A/S;XX\n="2";Klinik;Sundhedsinstitution\n="3";Afsnit;oe\n',
                    encoding="utf-8")
    import_sor(store.db, path)
    assert [(u.level, u.sor_type) for u in map(store.sor_get, "123")] == [
        (None, "XX"), ("SI", "SUNDHEDSINSTITUTION"), ("OE", "OE")]
