"""With the bundled SKS catalog and no import, the lists derived from SKS decide: their official errors block."""

from __future__ import annotations

from seilocal.model.form import Diagnosis
from seilocal.rules import validate
from seilocal.store import memory_store
from tests.support.rules_fakes import NOW, base_form


def _rule(findings, rule):
    return [(f.severity, f.path) for f in findings if f.rule == rule]


def _cannot_check(findings) -> set[str]:
    return {f.rule for f in findings if f.message.startswith("Kan ikke kontrolleres")}


def test_an_acute_physical_contact_without_a_reason_blocks_5102() -> None:
    store = memory_store()
    form = base_form()
    form.contacts[0].priority = "ATA1"
    form.contacts[0].reason = None
    findings = validate(form, store.catalog, NOW)
    assert _rule(findings, "5102") == [("error", "contacts[0].reason")]
    form.contacts[0].reason = "ALCC01"
    assert _rule(validate(form, store.catalog, NOW), "5102") == []


def test_06a_and_11101_run_on_the_procedure_lists_derived_from_sks() -> None:
    store = memory_store()
    form = base_form()
    clean = validate(form, store.catalog, NOW)
    assert not {"06.a", "11101"} & _cannot_check(clean)
    assert _rule(clean, "06.a") == [] and _rule(clean, "11101") == []
    form.referral.reason = "ALCA00"  # an SKS code, but neither a diagnosis nor a procedure
    form.contacts[0].procedures[0].code = "DJ069"  # a diagnosis where a procedure belongs
    findings = validate(form, store.catalog, NOW)
    assert _rule(findings, "06.a") == [("error", "referral.reason")]
    assert _rule(findings, "11101") == [("error", "contacts[0].procedures[0].code")]
    # An examination (proc.und, SKS record type und) and another procedure (proc.act) are procedures too.
    for code in ("UXCA00", "BAXY1"):
        form.contacts[0].procedures[0].code = code
        assert _rule(validate(form, store.catalog, NOW), "11101") == [], code


def test_a_back_pain_code_as_a_metastasis_is_an_error_and_the_none_codes_are_members() -> None:
    store = memory_store()
    form = base_form()
    form.contacts[0].diagnoses = [Diagnosis(kind="action", code="DC509", side="TUL2", metastases=["DM545"],
                                            local_recurrences=["DZ063C"])]
    findings = validate(form, store.catalog, NOW)
    assert _rule(findings, "13101") == [("error", "contacts[0].diagnoses[0].metastases[0]")]
    assert _rule(findings, "14101") == []  # "Lokalrecidiv status ikke relevant" is a statement of the list
    form.contacts[0].diagnoses[0].metastases = ["DZ061B"]
    assert _rule(validate(form, store.catalog, NOW), "13101") == []


def test_azca2_is_a_status_today_and_azca3_only_before_2023() -> None:
    from seilocal.model.form import ResultReport, Trigger

    store = memory_store()
    form = base_form()
    form.contacts[0].diagnoses = [Diagnosis(kind="action", code="DC509", side="TUL2", no_metastases=True,
                                            no_local_recurrences=True)]
    ri = ResultReport(name="RAA01", trigger=Trigger(ref=form.contacts[0].diagnoses[0].id),
                      time="2026-11-03T10:00:00", status="incomplete", results={"RDA01": "AZCA2"})
    form.result_reports.append(ri)
    assert _rule(validate(form, store.catalog, NOW), "RAA01.RDA01-1") == []
    ri.results["RDA01"] = "AZCA3"  # "afd. ikke involveret ...": retired at the end of 2022
    assert [s for s, _ in _rule(validate(form, store.catalog, NOW), "RAA01.RDA01-1")] == ["error"]
