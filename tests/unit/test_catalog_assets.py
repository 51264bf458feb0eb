"""The bundled starter catalog files are the source of their data (edited by hand): each is checked here."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest
from sqlite_utils import Database

from seilocal.model.codes import is_code_shaped
from seilocal.resources import asset_path
from seilocal.store.catalog import CatalogStore, apply_catalog_schema
from seilocal.store.catalog.common import CatalogImportError
from seilocal.store.catalog.list_index import index_by_name
from seilocal.store.catalog.sks_bundle import ASSET as SKS_ASSET
from seilocal.store.catalog.sks_bundle import parse_bundle
from seilocal.store.catalog.sor_import import FIELDS as SOR_FIELDS
from seilocal.store.catalog.starter import LIST_FIELDS, ensure_starter_catalog, read_tsv
from tests.support.env import SHARED

DATA = Path(__file__).parent / "data"
SHARED_LPR3 = SHARED / "lpr3"


def _rows(name: str, fields: tuple[str, ...]) -> list[dict[str, str | None]]:
    return [row for _, row in read_tsv(name, asset_path("catalog", name).read_bytes(), fields)]


def test_the_sks_bundle_is_every_code_of_sks_2026_06_in_a_few_megabytes() -> None:
    path = asset_path("catalog", SKS_ASSET)
    assert path.stat().st_size < 2_000_000, "keep the bundled catalog compact"
    codes = parse_bundle(path.read_bytes())
    assert len(codes) > 70_000
    for code in codes.values():
        assert is_code_shaped(code.code), code  # headings such as "A" are SKS codes too
        assert code.text, code
    assert codes["DZ061A"].text == "Ingen fjernmetastaser påvist"
    assert codes["AZCA2"].text == "klinisk recidiv"
    # DT636C, once offered as local recurrence, is an SKS poisoning code; its older text stays for search.
    assert codes["DT636C"].history == ("Forgiftning ved kontakt med musling",)
    # The MIT notice of the source travels with the data.
    assert b"MIT License, Copyright (c) 2026 Lars Nielsen" in gzip.decompress(path.read_bytes())[:1000]


def test_the_sks_bundle_matches_the_shared_label_file() -> None:
    source = SHARED_LPR3 / "sks-labels-2026-06.csv"
    if not source.is_file():
        pytest.skip("../shared/lpr3 is absent")
    with source.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["Kode"] and row["Prefix"]]
    codes = parse_bundle(asset_path("catalog", SKS_ASSET).read_bytes())
    assert set(codes) == {row["Kode"] for row in rows}
    last = {row["Kode"]: " ".join(row["Label"].split()) for row in rows}
    assert {code: c.text for code, c in codes.items()} == last


def test_the_old_starter_codes_sks_does_not_know_are_named_and_dropped() -> None:
    dropped = [
        line for line in (DATA / "starter_codes_not_in_sks_2026.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert len(dropped) == 232
    codes = parse_bundle(asset_path("catalog", SKS_ASSET).read_bytes())
    assert not set(dropped) & set(codes)
    assert not asset_path("catalog", "codes.tsv").exists(), "the SKS bundle replaced the starter codes"


def test_a_bad_bundle_line_refuses_the_whole_file_with_its_line_number() -> None:
    data = b"record_type\tcode\ttext\ndia\tDA00\tKolera\ndia\tDA01\n"
    with pytest.raises(CatalogImportError) as caught:
        parse_bundle(data)
    assert caught.value.line_no == 3


def test_list_members_name_known_lists() -> None:
    known = index_by_name()
    for name in ("lists.tsv", "lists_public.tsv"):
        rows = _rows(name, LIST_FIELDS)
        assert rows, name
        seen: set[tuple[str | None, str | None]] = set()
        for row in rows:
            assert row["list_name"] in known, (name, row)
            assert row["match"] in {"code", "prefix"}, (name, row)
            assert row["verified"] in {"0", "1"}, (name, row)
            key = (row["list_name"], row["member"])
            assert key not in seen, f"{name}: {key} twice"
            seen.add(key)


def test_sor_parents_exist() -> None:
    rows = _rows("sor_units.tsv", SOR_FIELDS)
    ids = {row["sor_id"] for row in rows}
    for row in rows:
        assert row["level"] in {"SI", "OE"}, row
        assert row["parent"] is None or row["parent"] in ids, row
        assert "Demo" in (row["name"] or ""), "starter SOR units are named as demo units"


def test_the_demo_cvr_numbers_pass_modulus_11() -> None:
    from stdnum.dk import cvr

    numbers = {row["cvr"] for row in _rows("sor_units.tsv", SOR_FIELDS) if row["cvr"]}
    assert numbers and all(cvr.is_valid(number) for number in numbers), numbers


def test_the_bundled_files_load() -> None:
    db = Database(memory=True)
    apply_catalog_schema(db)
    assert ensure_starter_catalog(db, asset_path("catalog")) is True
    store = CatalogStore(db)
    assert store.text("ALCA00") == "fysisk fremmøde"
    assert store.knows_list("admin.konttype") and store.is_authoritative("admin.konttype")
    assert store.is_authoritative("proc.und") and store.in_list("proc.und", "UXCA00")
    assert store.in_list("proc.opr", "KNGD11") and not store.in_list("proc.act", "KNGD11")
    # An older SKS text still finds its code.
    assert [hit.code for hit in store.search("forgiftning ved kontakt med musling")] == ["DT636C"]
    # In a list of 688 markers, a text that starts with the input comes before one that has it inside.
    assert store.search("udred", list_name="forloeb.markoer")[0].code == "AFV01B"


def test_a_copied_prepared_catalog_equals_a_loaded_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from seilocal.store.catalog import starter

    monkeypatch.setenv("SEILOCAL_CATALOG_CACHE", str(tmp_path / "cache"))
    copied = Database(memory=True)
    apply_catalog_schema(copied)
    assert ensure_starter_catalog(copied)
    assert len(list((tmp_path / "cache").glob("catalog-*.sqlite"))) == 1
    monkeypatch.setattr(starter, "prepared_file", lambda stamp, build: None)  # no cache folder: the slow way
    loaded = Database(memory=True)
    apply_catalog_schema(loaded)
    assert ensure_starter_catalog(loaded)

    def picture(db: Database) -> tuple:
        store = CatalogStore(db)
        return (
            db.execute("SELECT count(*), count(DISTINCT code) FROM catalog_codes").fetchone(),
            db.execute("SELECT list_name, count(*) FROM catalog_list_members GROUP BY list_name").fetchall(),
            db.execute("SELECT * FROM catalog_list_evidence ORDER BY list_name").fetchall(),
            [hit.code for hit in store.search("lokalrecidiv", list_name="diag.lokalrecidiv")],
            [hit.code for hit in store.search("musl", mode="contains")],
        )

    assert picture(copied) == picture(loaded)
    # The copied FTS indexes answer, and stay in step with a later write (the triggers came back).
    copied.execute("UPDATE catalog_codes SET text_key = 'zzqx' WHERE code = 'DT636C'")
    assert [hit.code for hit in CatalogStore(copied).search("zzqx")] == ["DT636C"]


def test_a_shipped_prepared_catalog_is_copied_without_a_cache_folder(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """`make dist` ships the prepared catalog in assets/prepared/: a first start copies it, and needs no writable
    cache folder (the cache "folder" here is a file, so nothing can be written there)."""
    from seilocal.store.catalog import prepared, starter

    shipped_folder = tmp_path / "assets" / "prepared"
    built = starter.build_prepared(shipped_folder)
    assert built.parent == shipped_folder and built.name.startswith("catalog-")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("SEILOCAL_CATALOG_CACHE", str(blocked))
    monkeypatch.setattr(prepared, "asset_path", lambda *parts: tmp_path.joinpath("assets", *parts))

    def no_loading(*_args: object) -> None:
        raise AssertionError("the codes were loaded, not copied from the shipped catalog")

    monkeypatch.setattr(starter, "_load", no_loading)
    db = Database(memory=True)
    apply_catalog_schema(db)
    assert ensure_starter_catalog(db)
    assert CatalogStore(db).text("ALCA00") == "fysisk fremmøde"
    assert [hit.code for hit in CatalogStore(db).search("forgiftning ved kontakt med musling")] == ["DT636C"]
    assert blocked.read_text() == ""  # nothing was built beside the shipped file
    # A shipped file for other bundled files (another version) is never copied.
    built.rename(shipped_folder / "catalog-000000000000000000000000.sqlite")
    assert prepared.shipped(starter.bundled_files()[0]) is None
