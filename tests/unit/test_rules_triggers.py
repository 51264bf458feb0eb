"""Result-report triggers, making reports, stale reports, and the result field table."""

from __future__ import annotations

from seilocal.model.form import Diagnosis, Form
from seilocal.rules.catalog import EmptyCatalog
from seilocal.rules.result_types import RESULT_FIELDS, report_is_complete, value_problem
from seilocal.rules.triggers import make_report, pending_triggers, stale_reports
from tests.support.rules_fakes import FakeCatalog, base_form


def _names(form: Form, catalog=None) -> list[str]:
    return [t.name for t in pending_triggers(form, catalog or FakeCatalog())]


def test_a_plain_form_triggers_nothing() -> None:
    assert _names(base_form()) == []


def test_injury_needs_injury_reason_physical_type_and_acute_priority() -> None:
    form = base_form()
    form.contacts[0].reason = "ALCC02"
    assert _names(form) == []  # planned contact
    form.contacts[0].priority = "ATA1"
    [trigger] = pending_triggers(form, FakeCatalog())
    assert (trigger.name, trigger.ref, trigger.code, trigger.time) == (
        "RAA05",
        form.contacts[0].id,
        "ALCC02",
        form.contacts[0].start,
    )
    assert "ALCC02" in trigger.text
    form.contacts[0].type = "ALCA03"  # virtual contact
    assert _names(form) == []


def test_cancer_implant_coercion_and_manual_implant() -> None:
    form = base_form()
    form.contacts[0].diagnoses.append(Diagnosis(kind="secondary", code="DC509"))
    assert _names(form) == ["RAA01"]
    form.contacts[0].procedures[0].code = "BAXY1"
    assert sorted(_names(form)) == ["RAA01", "RAA10"]
    form.contacts[0].procedures[0].code = "KHAC20"
    form.contacts[0].procedures[0].implant_report_requested = True
    assert sorted(_names(form)) == ["RAA01", "RAA08"]
    assert sorted(_names(form, EmptyCatalog())) == ["RAA08"]  # the manual trigger needs no code list


def test_a_coercion_report_can_be_asked_for_by_hand_without_any_code_list() -> None:
    form = base_form()
    form.contacts[0].procedures[0].coercion_report_requested = True
    assert sorted(_names(form, EmptyCatalog())) == ["RAA10"]
    [trigger] = pending_triggers(form, EmptyCatalog())
    assert trigger.ref == form.contacts[0].procedures[0].id and "Tvangsforanstaltning" in trigger.text
    form.result_reports.append(make_report(trigger))
    assert pending_triggers(form, EmptyCatalog()) == []
    assert stale_reports(form, FakeCatalog()) == []  # held by hand, even where the code is in no coercion list
    form.contacts[0].procedures[0].coercion_report_requested = False
    assert stale_reports(form, FakeCatalog()) == [form.result_reports[0].id]


def test_made_reports_satisfy_the_trigger_and_start_incomplete() -> None:
    form = base_form()
    form.contacts[0].procedures[0].code = "BAXY1"
    [trigger] = pending_triggers(form, FakeCatalog())
    made = make_report(trigger)
    assert made.name == "RAA10" and made.status == "incomplete" and made.time == trigger.time
    assert set(made.results) == {"RDA96", "RDA97", "RDA98"}
    form.result_reports.append(made)
    assert pending_triggers(form, FakeCatalog()) == []
    assert stale_reports(form, FakeCatalog()) == []


def test_a_report_goes_stale_when_its_trigger_goes_but_not_when_the_list_is_unknown() -> None:
    form = base_form()
    form.contacts[0].procedures[0].code = "BAXY1"
    form.result_reports.append(make_report(pending_triggers(form, FakeCatalog())[0]))
    form.contacts[0].procedures[0].code = "KHAC20"
    assert stale_reports(form, FakeCatalog()) == [form.result_reports[0].id]
    assert stale_reports(form, EmptyCatalog()) == []
    form.contacts[0].procedures.clear()
    assert stale_reports(form, EmptyCatalog()) == [form.result_reports[0].id]


def test_report_is_complete_needs_every_mandatory_field_in_shape() -> None:
    form = base_form()
    form.contacts[0].procedures[0].implant_report_requested = True
    report = make_report(pending_triggers(form, FakeCatalog())[0])
    assert not report_is_complete(report)
    report.results.update(RDB02="P-1", RDB03="LOT-7", RDB05="GS1", RDB06="2")
    assert report_is_complete(report)
    report.results["RDB04"] = "SN-1"  # both batch and serial number
    assert not report_is_complete(report)
    report.results["RDB04"] = None
    report.results["RDB06"] = "0"
    assert not report_is_complete(report)


def test_value_checks() -> None:
    fields = {f.code: f for f in RESULT_FIELDS["RAA03"]}
    assert value_problem(fields["RDA35"], "11") is not None
    assert value_problem(fields["RDA35"], "10") is None
    assert value_problem(fields["RDA46"], "5,00") is not None
    assert value_problem(fields["RDA46"], "5,01") is None
    assert value_problem(fields["RDA31"], "2026-11-03T10:00:00") is None
    assert value_problem(fields["RDA31"], "3/11/2026") is not None
    assert value_problem(fields["RDA32"], "1.5") is not None


def test_every_report_has_fields_with_danish_labels() -> None:
    assert sorted(RESULT_FIELDS) == [f"RAA{i:02d}" for i in range(1, 14)]
    for fields in RESULT_FIELDS.values():
        assert fields and all(f.label and f.code[:3] in ("RDA", "RDB", "RDC") for f in fields)
