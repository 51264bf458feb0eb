"""Result values belong to their field's own list (F4.10): the check, the official value rule, and "komplet"."""

from __future__ import annotations

from seilocal.model.form import Diagnosis, Form
from seilocal.rules import validate
from seilocal.rules.result_types import FIELD_INDEX, report_is_complete
from seilocal.rules.ri_values import can_be_complete, invalid_values, list_problem, missing_list_note
from seilocal.rules.triggers import catalog_member, make_report, pending_triggers, trigger_kind, trigger_text
from tests.support.rules_fakes import LISTS, NOW, FakeCatalog, base_form

STATUS = FIELD_INDEX["RAA01"]["RDA01"]  # Anmeldelsesstatus, list res.statuscar


def _without(*names: str) -> FakeCatalog:
    return FakeCatalog({k: v for k, v in LISTS.items() if k not in names})


def _cancer_form(status: str | None, catalog: FakeCatalog) -> Form:
    form = base_form()
    form.contacts[0].diagnoses.append(Diagnosis(kind="secondary", code="DC509"))
    [trigger] = pending_triggers(form, catalog)
    report = make_report(trigger)
    report.results["RDA01"] = status
    form.result_reports.append(report)
    return form


def test_a_course_marker_is_no_cancer_status_whether_or_not_the_list_is_there() -> None:
    for catalog in (FakeCatalog(), _without("res.statuscar")):
        problem = list_problem(STATUS, "AFV01B", catalog_member(catalog))
        assert problem is not None and "forløbsmarkør" in problem and "forloeb.markoer" in problem


def test_own_list_decides_when_known_and_unknown_codes_are_kept_while_it_is_missing() -> None:
    member = catalog_member(FakeCatalog())
    assert list_problem(STATUS, "AZCA1", member) is None
    assert list_problem(STATUS, "AZCA9", member) == "Anmeldelsesstatus: AZCA9 findes ikke i kodelisten res.statuscar"
    # The form keeps an unknown code outside an unverified list; the rules judge it by the list's state.
    assert list_problem(STATUS, "AZCA9", member, judged=lambda _code: False) is None
    missing = catalog_member(_without("res.statuscar"))
    assert list_problem(STATUS, "AZCA9", missing) is None  # cannot be judged without the list
    # RDA53 takes diagnoses: a diagnosis is not "another list" there.
    assert list_problem(FIELD_INDEX["RAA04"]["RDA53"], "DC509", catalog_member(_without("diag.misdann"))) is None


def test_missing_list_note_names_the_list_in_danish() -> None:
    catalog = _without("res.statuscar")
    assert missing_list_note(STATUS, catalog.knows_list) == "Listen res.statuscar mangler i kodekataloget"
    assert missing_list_note(STATUS, FakeCatalog().knows_list) is None
    assert missing_list_note(FIELD_INDEX["RAA08"]["RDB02"], catalog.knows_list) is None  # a text field


def test_the_official_value_rule_is_an_error_for_a_marker_code_even_with_the_list_missing_or_unverified() -> None:
    for catalog in (
        _without("res.statuscar"),
        FakeCatalog(unconfirmed={"res.statuscar", "forloeb.markoer"}),
    ):
        form = _cancer_form("AFV01B", catalog)
        found = [f for f in validate(form, catalog, NOW) if f.rule == "RAA01.RDA01-1" and f.severity != "info"]
        assert [(f.path, f.severity) for f in found] == [("result_reports[0].results.RDA01", "error")]
        assert "forløbsmarkør" in found[0].message


def test_a_good_status_gives_no_value_finding() -> None:
    catalog = FakeCatalog()
    form = _cancer_form("AZCA4", catalog)
    assert not [f for f in validate(form, catalog, NOW) if f.rule == "RAA01.RDA01-1"]


def test_komplet_needs_valid_values_not_only_filled_ones() -> None:
    catalog = FakeCatalog()
    member = catalog_member(catalog)
    report = _cancer_form("AFV01B", catalog).result_reports[0]
    assert report_is_complete(report)  # filled: the shape check alone would take it
    assert not can_be_complete(report, member)
    [(spec, reason)] = invalid_values(report, member)
    assert spec.code == "RDA01" and "AFV01B" in reason
    report.results["RDA01"] = "AZCA1"
    assert can_be_complete(report, member)


def test_trigger_text_is_the_code_text_or_the_kind_of_object() -> None:
    catalog = FakeCatalog()
    form = _cancer_form(None, catalog)
    report = form.result_reports[0]
    assert trigger_kind(form, report.trigger.ref) == "diagnosis"
    assert trigger_text(form, report, lambda code: "Kræft i galdeblæren" if code == "DC509" else None) == (
        "Kræft i galdeblæren")
    assert trigger_text(form, report, lambda _code: None) == "Diagnose"
    report.trigger.ref = "gone"
    assert trigger_text(form, report, lambda _code: None) == "Ukendt udløser"
