"""Cancer diagnoses (issue 13 item 7): metastasis and local-recurrence info, "none" included (rules 12111/12112).

A certain cancer code (DC00-DC97 but the secondary DC77-DC79) is decided by its prefix: the official error
blocks even with the bundled starter catalog (unverified lists) or with no cancer list at all.
"""

from __future__ import annotations

import pytest

from seilocal.model.cancer import is_certain_cancer
from seilocal.model.form import Diagnosis
from seilocal.rules import validate
from seilocal.store import memory_store
from tests.support.rules_fakes import LISTS, NOW, FakeCatalog, base_form

CANCER_RULES = {"12111", "12.111a", "12112", "12.112a"}


def _form(code: str, kind: str = "action", **kw):
    form = base_form()
    contact = form.contacts[0]
    if kind == "action":
        contact.diagnoses = [Diagnosis(kind="action", code=code, **kw)]
    else:
        contact.diagnoses.append(Diagnosis(kind="secondary", code=code, **kw))
    return form


def _cancer_findings(form, catalog, infos: bool = True):
    found = validate(form, catalog, NOW)
    return {(f.rule, f.severity, f.path) for f in found if f.rule in CANCER_RULES and (infos or f.severity != "info")}


def _catalogs():
    without = {k: v for k, v in LISTS.items() if k not in ("diag.primkraeft", "diag.car")}
    return {
        "starter": memory_store().catalog,  # the bundled starter catalog: diag.primkraeft unverified
        "no cancer list": FakeCatalog(without),
        "unconfirmed list": FakeCatalog(unconfirmed={"diag.primkraeft"}),
        "official list": FakeCatalog(),
    }


@pytest.mark.parametrize("name", list(_catalogs()))
def test_a_dc_code_without_metastasis_or_recurrence_info_is_the_official_error(name: str) -> None:
    catalog = _catalogs()[name]
    assert _cancer_findings(_form("DC509"), catalog) == {
        ("12111", "error", "contacts[0].diagnoses[0].metastases"),
        ("12112", "error", "contacts[0].diagnoses[0].local_recurrences"),
    }
    # Beside the action diagnosis DJ069, which only a list can decide.
    assert _cancer_findings(_form("DC509", kind="secondary"), catalog, infos=False) == {
        ("12.111a", "error", "contacts[0].diagnoses[1].metastases"),
        ("12.112a", "error", "contacts[0].diagnoses[1].local_recurrences"),
    }


@pytest.mark.parametrize("name", list(_catalogs()))
def test_none_stated_for_both_clears_the_errors(name: str) -> None:
    catalog = _catalogs()[name]
    form = _form("DC509", no_metastases=True, no_local_recurrences=True)
    findings = validate(form, catalog, NOW)
    assert [f for f in findings if f.rule in CANCER_RULES] == []
    # "None" is info on a primary cancer: no rule that only allows metastasis codes on one fires either.
    assert [f for f in findings if f.rule in {"13.102a", "14.102a", "13101", "14101"}] == []


def test_none_for_one_still_asks_for_the_other() -> None:
    form = _form("DC509", no_metastases=True)
    assert _cancer_findings(form, memory_store().catalog) == {
        ("12112", "error", "contacts[0].diagnoses[0].local_recurrences")
    }


@pytest.mark.parametrize("name", list(_catalogs()))
def test_a_non_cancer_code_gets_no_cancer_finding(name: str) -> None:
    catalog = _catalogs()[name]
    # Without a cancer list DJ069 stays undecided ("kan ikke kontrolleres", info), never an error or a warning.
    assert _cancer_findings(_form("DJ069"), catalog, infos=False) == set()
    findings = validate(_form("DJ069"), catalog, NOW)
    assert not [f for f in findings if f.rule.startswith(("13", "14")) and f.severity != "info"]


def test_none_on_a_non_cancer_diagnosis_is_refused_like_a_metastasis_code() -> None:
    findings = validate(_form("DJ069", no_metastases=True), FakeCatalog(), NOW)
    refused = [f for f in findings if f.rule == "13.102a"]
    assert [(f.severity, f.path) for f in refused] == [("error", "contacts[0].diagnoses[0].metastases")]
    assert "ingen fjernmetastaser påvist" in refused[0].message


def test_a_code_outside_the_certain_ranges_keeps_the_list_behaviour() -> None:
    # DD429 is not certain: the list decides; an unconfirmed list gives a warning, a missing one an info.
    lists = dict(LISTS, **{"diag": LISTS["diag"] | {"DD429"}, "diag.primkraeft": {"DC509", "DD429"}})
    official = _cancer_findings(_form("DD429"), FakeCatalog(lists))
    assert {(r, s) for r, s, _ in official} == {("12111", "error"), ("12112", "error")}
    unconfirmed = _cancer_findings(_form("DD429"), FakeCatalog(lists, unconfirmed={"diag.primkraeft"}))
    assert {(r, s) for r, s, _ in unconfirmed} == {("12111", "warning"), ("12112", "warning")}
    missing = {k: v for k, v in lists.items() if k != "diag.primkraeft"}
    infos = _cancer_findings(_form("DD429"), FakeCatalog(missing))
    assert ("12111", "info", "contacts") in infos


def test_no_cannot_check_info_when_every_diagnosis_is_a_certain_cancer_code() -> None:
    missing = {k: v for k, v in LISTS.items() if k != "diag.primkraeft"}
    findings = _cancer_findings(_form("DC509", no_metastases=True, no_local_recurrences=True), FakeCatalog(missing))
    assert findings == set()
    # A secondary DJ069 beside it: the secondary-diagnosis rules cannot decide it, the action ones can.
    form = _form("DC509", no_metastases=True, no_local_recurrences=True)
    form.contacts[0].diagnoses.append(Diagnosis(kind="secondary", code="DJ069"))
    assert _cancer_findings(form, FakeCatalog(missing)) == {("12.111a", "info", "contacts"),
                                                              ("12.112a", "info", "contacts")}


@pytest.mark.parametrize(
    ("code", "certain"),
    [("DC00", True), ("DC509", True), ("dc712m", True), ("DC97", True), ("DC80", True), ("DC44", True),
     ("DC77", False), ("DC793C", False), ("DC78", False), ("DC98", False), ("DD429", False), ("DJ069", False),
     ("DC", False), ("", False), (None, False), ("XDC509", False)],
)
def test_certain_cancer_codes(code: str | None, certain: bool) -> None:
    assert is_certain_cancer(code) is certain


def test_a_document_written_before_the_none_flags_still_loads_and_the_flags_round_trip() -> None:
    from seilocal.model.form import Form

    old = base_form().model_dump(mode="json")
    for diagnosis in old["contacts"][0]["diagnoses"]:
        del diagnosis["no_metastases"], diagnosis["no_local_recurrences"]
    loaded = Form.model_validate(old)
    assert loaded.contacts[0].diagnoses[0].no_metastases is False
    loaded.contacts[0].diagnoses[0].no_metastases = True
    again = Form.model_validate_json(loaded.to_json())
    assert again.contacts[0].diagnoses[0].no_metastases is True
    assert again.contacts[0].diagnoses[0].has_metastasis_info


def test_submission_with_the_starter_catalog_is_blocked_without_the_statement_and_passes_with_none() -> None:
    from seilocal.export import submit_form
    from seilocal.store.versions import SubmitRefused
    from tests.support.submit_helpers import clean_form, set_practice

    store = memory_store()
    set_practice(store)
    form = clean_form()
    form.contacts[0].diagnoses[0].code = "DC509"
    stored = store.forms.create(form)
    with pytest.raises(SubmitRefused) as refused:
        submit_form(store, stored, lambda: NOW, write_bundle=False)
    assert {e["rule"] for e in refused.value.errors} == {"12111", "12112"}
    store.forms.save_edit(stored, "contacts[0].diagnoses[0].no_metastases", True)
    store.forms.save_edit(stored, "contacts[0].diagnoses[0].no_local_recurrences", True)
    result = submit_form(store, stored, lambda: NOW, write_bundle=False)
    assert result.version is not None
    assert store.forms.load(stored.form.form_no).form.status == "submitted"
