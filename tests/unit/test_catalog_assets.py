"""The bundled starter catalog files are the source of their data (edited by hand): each is checked here."""

from __future__ import annotations

from sqlite_utils import Database

from seilocal.model.codes import code_shape_error
from seilocal.resources import asset_path
from seilocal.store.catalog import CatalogStore, apply_catalog_schema
from seilocal.store.catalog.list_index import index_by_name
from seilocal.store.catalog.sor_import import FIELDS as SOR_FIELDS
from seilocal.store.catalog.starter import CODE_FIELDS, LIST_FIELDS, ensure_starter_catalog, read_tsv

RECORD_TYPES = {"adm", "dia", "pro", "res", "til", "atc"}


def _rows(name: str, fields: tuple[str, ...]) -> list[dict[str, str | None]]:
    return [row for _, row in read_tsv(name, asset_path("catalog", name).read_bytes(), fields)]


def test_codes_are_unique_sorted_well_shaped_and_typed() -> None:
    rows = _rows("codes.tsv", CODE_FIELDS)
    codes = [row["code"] for row in rows]
    assert len(rows) > 3000
    assert codes == sorted(codes), "keep codes.tsv sorted by code"
    assert len(set(codes)) == len(codes), "a code appears twice in codes.tsv"
    for row in rows:
        assert code_shape_error(row["code"] or "") is None, row
        assert row["text"], row
        assert row["record_type"] in RECORD_TYPES, row
        assert row["verified"] in {"0", "1"}, row
        assert row["record_type"] != "dia" or (row["code"] or "").startswith("D"), row


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
    assert store.text("ALCA00")
    assert store.knows_list("admin.konttype")
