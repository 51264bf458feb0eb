"""The SKS code shape (issue 12, defect 5): pure check, and the rule that flags typed codes."""

from __future__ import annotations

from seilocal.model.codes import code_shape_error
from seilocal.rules import validate
from tests.support.env import FIXED_NOW
from tests.support.submit_helpers import clean_form


def test_shapes() -> None:
    for good in ("DC509", "ALAL01", "AFV01A1", "TUL2", "KHAC20", "NAAB"):
        assert code_shape_error(good) is None
    for bad in ("HEJ", "DIABETES", "NAA", "DC 509", "dc509", "12345", "D", "DC509!", "A" * 21 + "1"):
        assert code_shape_error(bad)
    assert code_shape_error("DC773", "diag.metastase") is None
    assert "diagnosekode" in (code_shape_error("AZCK0", "diag.metastase") or "")


def test_unknown_codes_are_errors_once_an_official_sks_file_is_imported(store) -> None:
    form = clean_form(day=FIXED_NOW.date())
    form.contacts[0].diagnoses[0].metastases = ["AZCK0", "DC79Z9"]
    findings = validate(form, store.catalog, FIXED_NOW)
    shape = [(f.rule, f.severity, f.path) for f in findings if f.rule in ("SEI-C01", "SEI-C02")]
    assert shape == [("SEI-C01", "error", "contacts[0].diagnoses[0].metastases[0]")]
    assert store.catalog.sks_imported() is False
    store.catalog.sks_imported = lambda: True  # as after `seilocal codes import-sks`
    findings = validate(form, store.catalog, FIXED_NOW)
    assert [(f.rule, f.severity, f.path) for f in findings if f.rule == "SEI-C02"] == [
        ("SEI-C02", "error", "contacts[0].diagnoses[0].metastases[1]")]


def test_a_code_sks_knows_is_still_refused_in_a_diagnosis_field_by_its_group():
    from seilocal.model.codes import code_group_error

    assert "ikke en diagnosekode" in (code_group_error("AZCK0", "diag.metastase") or "")
    assert code_group_error("DC773", "diag.metastase") is None
    assert code_group_error("AZCK0", "res.statuscar") is None  # a list of no one group
