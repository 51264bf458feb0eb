"""The form document: JSON round trip, unknown keys refused, format version checked, values kept verbatim."""

import json

import pytest
from pydantic import ValidationError

from seilocal.model import (
    Contact,
    Diagnosis,
    Form,
    FormatError,
    Marker,
    PathError,
    Procedure,
    ResultReport,
    get_path,
    parse_path,
    set_path,
)

EXAMPLE = {
    "format": "seilocal.form/1",
    "form_no": 17,
    "status": "draft",
    "patient": {"cpr": "0101801235", "name": "Jens Hansen"},
    "course": {"id": "0b8f5a52-8a7e-4c6b-9f0e-1f7c2d3e4a5b", "start": "2026-11-03T09:30:00", "end": None,
               "responsible_unit": "486811000016002", "label": "ALAL01", "start_marker": "AFV01A1",
               "completion": None},
    "referral": {"time": "2026-11-03T09:30:00", "referring_unit": "6071000016008", "method": "ALDA11",
                 "free_choice": "ALDB00", "reason": "DC509", "reference_id": None, "reference_type": None},
    "payment": {"payer": "ALFB01", "agreement": "ALFA2", "specialisation_level": "ALFC4"},
    "markers": [{"id": "m1", "code": "AFV01B", "time": "2026-11-03T10:00:00"}],
    "contacts": [{
        "id": "c1", "start": "2026-11-03T10:00:00", "end": "2026-11-03T10:45:00",
        "responsible_unit": "486811000016002", "type": "ALCA00", "priority": "ATA3", "reason": None,
        "diagnoses": [{"id": "d1", "kind": "action", "code": "DC509", "side": "TUL2", "supplementary": ["ZDW10"],
                       "metastases": ["DC793C"], "local_recurrences": []}],
        "procedures": [{"id": "p1", "code": "KHAC20", "start": "2026-11-03T10:05:00", "end": None,
                        "producer": "486811000016002", "side": "TUL2", "action_spec": None, "contrast": None,
                        "staff_category": None, "supplementary": []}],
    }],
    "procedures": [],
    "result_reports": [{"id": "r1", "name": "RAA01", "trigger": {"ref": "d1", "code": "DC509"},
                        "time": "2026-11-03T10:00:00", "status": "incomplete", "results": {"RDA01": None}}],
}


def test_example_document_round_trips_unchanged():
    form = Form.model_validate(EXAMPLE)
    again = Form.model_validate_json(form.to_json())
    assert again == form
    dumped = json.loads(form.to_json())
    for key, value in EXAMPLE.items():
        if key not in ("contacts",):
            assert dumped[key] == value or key in ("markers", "result_reports", "procedures")
    assert dumped["contacts"][0]["diagnoses"][0]["metastases"] == ["DC793C"]


def test_written_document_has_every_optional_key_as_null_or_empty_list():
    dumped = json.loads(Form().to_json())
    assert dumped["course"]["end"] is None
    assert dumped["markers"] == [] and dumped["contacts"] == []
    assert dumped["format"] == "seilocal.form/1"


def test_reader_accepts_missing_optional_keys():
    form = Form.model_validate({"format": "seilocal.form/1"})
    assert form.patient.cpr is None and form.contacts == []
    assert len(form.course.id) == 36  # a fresh forløbsID


def test_unknown_key_is_refused_at_any_depth():
    with pytest.raises(ValidationError, match="nme"):
        Form.model_validate({"format": "seilocal.form/1", "patient": {"nme": "x"}})
    with pytest.raises(ValidationError, match="extra"):
        Form.model_validate({"format": "seilocal.form/1", "contacts": [{"strat": "x"}]})


@pytest.mark.parametrize("fmt", ["seilocal.form/2", "seilocal.form/10.1"])
def test_newer_major_format_is_refused_with_a_clear_message(fmt):
    with pytest.raises(ValidationError, match="newer than this program"):
        Form.model_validate({"format": fmt})


@pytest.mark.parametrize("fmt", ["other/1", "seilocal.form/x", "", "seilocal.form/0"])
def test_foreign_format_is_refused(fmt):
    with pytest.raises(ValidationError):
        Form.model_validate({"format": fmt})


def test_minor_version_of_same_major_is_read():
    assert Form.model_validate({"format": "seilocal.form/1.3"}).format == "seilocal.form/1.3"


def test_check_format_raises_format_error_directly():
    from seilocal.model import check_format

    with pytest.raises(FormatError):
        check_format("seilocal.form/9")


def test_values_that_do_not_parse_are_kept_verbatim():
    form = Form()
    form.course.start = "31-02-2026 25:99"
    form.patient.cpr = "01O180-1235"
    again = Form.model_validate_json(form.to_json())
    assert again.course.start == "31-02-2026 25:99"
    assert again.patient.cpr == "01O180-1235"


def test_paths_name_nested_values():
    form = Form.model_validate(EXAMPLE)
    assert parse_path("contacts[0].diagnoses[0].code") == ["contacts", 0, "diagnoses", 0, "code"]
    assert get_path(form, "contacts[0].diagnoses[0].code") == "DC509"
    old = set_path(form, "contacts[0].procedures[0].end", "2026-11-03T10:20:00")
    assert old is None
    assert form.contacts[0].procedures[0].end == "2026-11-03T10:20:00"
    assert get_path(form, "result_reports[0].results.RDA01") is None


@pytest.mark.parametrize("path", ["", "nope", "contacts[5].start", "patient..cpr", "patient.cpr[0]x"])
def test_bad_paths_raise_path_error(path):
    with pytest.raises(PathError):
        get_path(Form.model_validate(EXAMPLE), path)


def test_assignment_is_validated():
    form = Form()
    with pytest.raises(ValidationError):
        set_path(form, "status", "finished")
    assert form.status == "draft"


def test_action_diagnosis_property():
    contact = Contact(diagnoses=[Diagnosis(kind="secondary", code="DA00"), Diagnosis(kind="action", code="DB01")])
    assert contact.action_diagnosis is not None and contact.action_diagnosis.code == "DB01"
    assert Contact().action_diagnosis is None
    assert Procedure().payment is None and Marker().code is None and ResultReport().status == "incomplete"
