"""Incremental validation (issue 23.3): after any sequence of edits, the kept findings are a full run's, byte for byte.

Hypothesis draws edit sequences over a small course (contacts with diagnoses and procedures, procedures without
contact, a result report): fields set to valid, invalid, blank and unreadable values, rows added and removed,
the clock moved by an hour or by days. After each edit the incremental validator's findings must equal
`validate()` of the same form at the same moment.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seilocal.model.form import Contact, Diagnosis, Form, Procedure, ResultReport, Trigger
from seilocal.model.paths import set_path
from seilocal.rules import validate
from seilocal.rules.catalog import CodeCatalog
from seilocal.rules.incremental import IncrementalValidator
from tests.support.form_values import DIAGNOSES, DIAGNOSIS_FIELDS, PROCEDURES, TIMES, UNITS
from tests.support.rules_fakes import NOW, OTHER_UNIT, UNIT, base_form, without_contact_procedure
from tests.support.rules_fakes import FakeCatalog as _Fake

CONTACT_FIELDS: dict[str, list[Any]] = {
    "start": TIMES, "end": TIMES, "responsible_unit": UNITS,
    "type": [None, "ALCA00", "ALCA01", "ALCA10", "ALCA20", "XYZ"],
    "priority": [None, "ATA1", "ATA3", "ATA9"], "reason": [None, "ALCC01", "ALCC02", "ALCC03", "DJ069"],
}
PROCEDURE_FIELDS: dict[str, list[Any]] = {
    "code": PROCEDURES, "start": TIMES, "end": TIMES, "producer": UNITS, "contrast": [None, "MV08AA01", "X"],
    "side": [None, "TUL1"], "implant_report_requested": [False, True], "supplementary": [[], ["UXZ41"]],
}
OTHER_FIELDS: dict[str, list[Any]] = {
    "course.start": TIMES, "course.end": TIMES, "course.label": [None, "ALAL01", "ALAL99"],
    "course.responsible_unit": UNITS, "course.completion": [None, "ALAC70"],
    "patient.cpr": [None, "0101801233", "0101261234", "abc"], "referral.time": TIMES,
    "referral.reason": DIAGNOSES, "payment.payer": [None, "ALFB01", "X"], "status": ["draft", "submitted", "changed"],
    "markers[0].time": TIMES, "markers[0].code": [None, "AFV01B", "ZZZ"],
    "procedures[0].code": PROCEDURES, "procedures[0].start": TIMES,
    "result_reports[0].status": ["incomplete", "complete"], "result_reports[0].time": TIMES,
    "result_reports[0].name": [None, "RAA01", "RAA04", "RAA99"],
}

def FakeCatalog() -> CodeCatalog:  # noqa: N802 - stands in for the class (it lacks the optional in_list_during)
    return cast(CodeCatalog, _Fake())


def start_form() -> Form:
    form = base_form()
    form.contacts = form.contacts + [
        Contact(start="2026-11-05T10:00:00", end="2026-11-05T11:00:00", responsible_unit=UNIT, type="ALCA00",
                priority="ATA1", reason="ALCC02",
                diagnoses=[Diagnosis(kind="action", code="DC509"), Diagnosis(code="DO800")],
                procedures=[Procedure(code="KJFA00", start="2026-11-05T10:10:00", producer=UNIT)]),
        # Open, without an action diagnosis: 05.15 fires once the clock passes 30 days after its start.
        Contact(start="2026-11-06T10:00:00", responsible_unit=OTHER_UNIT, type="ALCA01", priority="ATA3",
                diagnoses=[Diagnosis(code="DZ380")]),
    ]
    form.procedures = [without_contact_procedure()]
    cancer = form.contacts[1].diagnoses[0]
    form.result_reports = [ResultReport(name="RAA01", trigger=Trigger(ref=cancer.id, code=cancer.code))]
    return form

@st.composite
def edits(draw: st.DrawFn) -> tuple[str, str, Any]:
    """One edit: ("set", path, value), ("add", list path, row) or ("remove", list path, index)."""
    kind = draw(st.sampled_from(["contact", "diagnosis", "procedure", "other", "rows", "contacts"]))
    c = draw(st.integers(0, 3))
    if kind == "contact":
        name = draw(st.sampled_from(sorted(CONTACT_FIELDS)))
        return "set", f"contacts[{c}].{name}", draw(st.sampled_from(CONTACT_FIELDS[name]))
    if kind == "diagnosis":
        name = draw(st.sampled_from(sorted(DIAGNOSIS_FIELDS)))
        return "set", f"contacts[{c}].diagnoses[{draw(st.integers(0, 2))}].{name}", \
            draw(st.sampled_from(DIAGNOSIS_FIELDS[name]))
    if kind == "procedure":
        name = draw(st.sampled_from(sorted(PROCEDURE_FIELDS)))
        return "set", f"contacts[{c}].procedures[{draw(st.integers(0, 1))}].{name}", \
            draw(st.sampled_from(PROCEDURE_FIELDS[name]))
    if kind == "other":
        path = draw(st.sampled_from(sorted(OTHER_FIELDS)))
        return "set", path, draw(st.sampled_from(OTHER_FIELDS[path]))
    if kind == "rows":
        which = draw(st.sampled_from(["diagnoses", "procedures"]))
        if draw(st.booleans()):
            row = Diagnosis(code=draw(st.sampled_from(DIAGNOSES))) if which == "diagnoses" else \
                Procedure(code=draw(st.sampled_from(PROCEDURES)), start=draw(st.sampled_from(TIMES)))
            return "add", f"contacts[{c}].{which}", row
        return "remove", f"contacts[{c}].{which}", draw(st.integers(0, 1))
    if draw(st.booleans()):
        return "add", "contacts", Contact(start=draw(st.sampled_from(TIMES)), type="ALCA00",
                                          diagnoses=[Diagnosis(kind="action", code=draw(st.sampled_from(DIAGNOSES)))])
    return "remove", "contacts", c

def apply(form: Form, edit: tuple[str, str, Any]) -> str | None:
    """Apply an edit as the store does; the path the editor then reports, or None when it did not apply."""
    action, path, value = edit
    try:
        if action == "set":
            set_path(form, path, value.model_copy() if hasattr(value, "model_copy") else value)
            return path
        rows = _rows(form, path)
        if rows is None:
            return None
        if action == "add":
            rows.append(value.model_copy(deep=True))
            return f"{path}[{len(rows) - 1}]"
        if value >= len(rows):
            return None
        rows.pop(value)
        return f"{path}[{value}]"
    except (IndexError, AttributeError, ValueError):
        return None

def _rows(form: Form, path: str) -> list[Any] | None:
    if path == "contacts":
        return form.contacts
    index = int(path.split("[", 1)[1].split("]", 1)[0])
    if index >= len(form.contacts):
        return None
    return getattr(form.contacts[index], path.rsplit(".", 1)[1])  # type: ignore[no-any-return]

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(edits(), st.sampled_from([0, 0, 0, 1, 30, 24 * 3, 24 * 40])), min_size=1, max_size=12))
def test_incremental_findings_equal_a_full_run(steps: list[tuple[tuple[str, str, Any], int]]) -> None:
    form = start_form()
    catalog = FakeCatalog()
    now = NOW
    validator = IncrementalValidator(form, catalog, now)
    assert validator.findings == validate(form, catalog, now)
    for edit, hours in steps:
        now = now + timedelta(hours=hours)
        path = apply(form, edit)
        if path is None:
            continue
        got = validator.update(path, now)
        assert got == validate(form, catalog, now), (edit, hours)

def test_a_field_edit_reruns_only_the_rules_that_read_it() -> None:
    form = start_form()
    validator = IncrementalValidator(form, FakeCatalog(), NOW)
    everything = validator.last_rerun
    form.contacts[1].diagnoses[1].code = "DJ069"
    validator.update("contacts[1].diagnoses[1].code", NOW)
    assert 0 < validator.last_rerun < everything
    form.patient.cpr = "0101261234"
    validator.update("patient.cpr", NOW)
    assert validator.last_rerun < everything
    assert validator.findings == validate(form, FakeCatalog(), NOW)

def test_structural_edits_run_everything() -> None:
    form = start_form()
    validator = IncrementalValidator(form, FakeCatalog(), NOW)
    everything = validator.last_rerun
    form.contacts.pop(0)
    validator.update("contacts[0]", NOW)
    assert validator.last_rerun == everything
    assert validator.findings == validate(form, FakeCatalog(), NOW)

def test_the_edited_form_is_validated_after_the_clock_moved_a_day() -> None:
    form = start_form()
    validator = IncrementalValidator(form, FakeCatalog(), NOW)
    later = NOW + timedelta(days=45)
    form.contacts[2].end = None
    assert validator.update("contacts[2].end", later) == validate(form, FakeCatalog(), later)



def test_a_contact_the_clock_moved_past_is_checked_again_though_another_field_was_edited() -> None:
    form = start_form()
    validator = IncrementalValidator(form, FakeCatalog(), NOW)
    assert "05.15" not in {f.rule for f in validator.findings}
    later = NOW + timedelta(days=40)
    form.referral.reason = "DM170"
    found = validator.update("referral.reason", later)
    assert "05.15" in {f.rule for f in found}
    assert found == validate(form, FakeCatalog(), later)
