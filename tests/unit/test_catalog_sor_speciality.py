"""The SOR unit's speciality: imported where the SOR file has it, and read by the psychiatry rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlite_utils import Database

from seilocal.model.form import Diagnosis
from seilocal.rules import validate
from seilocal.store.catalog import CatalogStore, apply_catalog_schema
from seilocal.store.catalog.sor_import import import_sor
from tests.support.rules_fakes import NOW, base_form

CSV = (
    "sor_id;name;level;valid_from;valid_to;speciale\n"
    "111;Psykiatrisk Klinik;OE;2020-01-01;;Børne- og ungdomspsykiatri\n"
    "222;Ortopædkirurgisk Klinik;OE;2020-01-01;2026-06-30;Ortopædisk kirurgi\n"
    "333;Klinik uden speciale;OE;;;\n"
    "444;Klinik med specialenummer;OE;;;52\n"
)


def catalog(tmp_path: Path) -> CatalogStore:
    db = Database(memory=True)
    apply_catalog_schema(db)
    path = tmp_path / "sor.csv"
    path.write_text(CSV, encoding="utf-8")
    import_sor(db, path)
    return CatalogStore(db)


def test_speciality_is_imported_and_read_as_psychiatric_or_not(tmp_path: Path) -> None:
    store = catalog(tmp_path)
    assert store.sor_get("111").speciality == "Børne- og ungdomspsykiatri"
    assert store.sor_psychiatric("111") is True
    assert store.sor_psychiatric("222") is False
    assert store.sor_psychiatric("333") is None  # the file gave none
    assert store.sor_psychiatric("444") is None  # a bare number we cannot read
    assert store.sor_psychiatric("999") is None  # unknown unit
    assert store.sor_period("222") == (date(2020, 1, 1), date(2026, 6, 30))


def test_psychiatry_rules_use_the_imported_speciality(tmp_path: Path) -> None:
    store = catalog(tmp_path)
    form = base_form()
    form.contacts[0].responsible_unit = "111"
    form.contacts[0].reason = "ALCC01"
    assert "5103" in {f.rule for f in validate(form, store, NOW)}
    form.contacts[0].responsible_unit = "222"
    form.contacts[0].reason = None
    form.contacts[0].diagnoses.append(Diagnosis(kind="secondary", code="DX599"))
    store.db.execute(
        "INSERT INTO catalog_list_members (list_name, member, match, source, verified) "
        "VALUES ('diag.ydreaarsag', 'DX', 'prefix', 'official', 1)"
    )
    rules = {f.rule for f in validate(form, CatalogStore(store.db), NOW)}
    assert "12.107b" in rules and "5103" not in rules


def test_speciality_is_read_from_the_sor_xml(tmp_path: Path) -> None:
    xml = (Path(__file__).parent / "data" / "catalog" / "sor_small.xml").read_text(encoding="utf-8")
    xml = xml.replace(
        "<UnitType>Klinik</UnitType>",
        "<UnitType>Klinik</UnitType><ClinicalSpecialityCollection><ClinicalSpeciality>"
        "<ClinicalSpecialityName>Psykiatri</ClinicalSpecialityName></ClinicalSpeciality>"
        "</ClinicalSpecialityCollection>",
    )
    path = tmp_path / "sor.xml"
    path.write_text(xml, encoding="utf-8")
    db = Database(memory=True)
    apply_catalog_schema(db)
    import_sor(db, path)
    store = CatalogStore(db)
    assert store.sor_psychiatric("900021000016003") is True
    assert store.sor_psychiatric("900011000016002") is None  # the hospital has no speciality in the file
