"""The F2 workflow as pure functions: stages, hints, referral time following the start, marker order."""

from __future__ import annotations

from datetime import datetime

from seilocal.model import Form, Marker
from seilocal.model.workflow import (
    marker_time_now,
    markers_in_time_order,
    missing_for_first_contact,
    next_step_hint,
    referral_time_after_start_change,
    workflow_stage,
)


def first_contact_done() -> Form:
    form = Form()
    form.patient.cpr = "0101801235"
    form.course.start = "2026-11-03T09:30:00"
    form.course.responsible_unit = "999921000016002"
    form.course.start_marker = "AFV01A1"
    form.referral.method = "ALDA01"
    form.referral.free_choice = "ALDB00"
    form.payment.payer = "ALFB01"
    form.payment.agreement = "ALFA2"
    form.payment.specialisation_level = "ALFC4"
    return form


def test_a_new_form_is_at_first_contact_and_the_hint_names_what_is_missing() -> None:
    form = Form()
    assert workflow_stage(form) == "first_contact"
    hint = next_step_hint(form)
    assert hint.startswith("Første kontakt")
    assert "Patient (CPR-nummer)" in hint and "startmarkør" in hint and "frit valg" in hint and "betaler" in hint


def test_the_hint_shrinks_as_the_first_contact_is_filled() -> None:
    form = first_contact_done()
    form.referral.free_choice = None
    assert missing_for_first_contact(form) == [("Henvisning", "frit valg")]
    assert next_step_hint(form) == "Første kontakt – udfyld: Henvisning (frit valg)."


def test_a_filled_first_contact_opens_the_course() -> None:
    form = first_contact_done()
    assert workflow_stage(form) == "open"
    assert "forløbsmarkører" in next_step_hint(form) and "patientkontakter" in next_step_hint(form)


def test_an_end_without_completion_is_closing_and_asks_for_afslutningsmaade() -> None:
    form = first_contact_done()
    form.course.end = "2026-11-20T12:00:00"
    assert workflow_stage(form) == "closing"
    assert next_step_hint(form) == "Afslutning: udfyld afslutningsmåde under Forløbsoplysninger."
    form.course.end, form.course.completion = None, "ALAC10"
    assert next_step_hint(form) == "Afslutning: udfyld sluttidspunkt under Forløbsoplysninger."


def test_end_and_completion_close_the_course_even_with_a_gap_elsewhere() -> None:
    form = Form()
    form.course.end, form.course.completion = "2026-11-20T12:00:00", "ALAC10"
    assert workflow_stage(form) == "closed"
    assert "afsluttet" in next_step_hint(form)
    form.status = "submitted"
    assert next_step_hint(form) == "Forløbet er afsluttet og indberettet."
    form.status = "cancelled"
    assert workflow_stage(form) == "cancelled"


def test_referral_time_follows_the_start_until_set_by_hand() -> None:
    # Empty: takes the start.
    assert referral_time_after_start_change(None, None, "2026-11-03T09:30:00") == "2026-11-03T09:30:00"
    # Equal to the previous start: still following.
    assert referral_time_after_start_change(
        "2026-11-03T09:30:00", "2026-11-03T09:30:00", "2026-11-04T08:00:00") == "2026-11-04T08:00:00"
    # Different (changed by hand): kept.
    assert referral_time_after_start_change(
        "2026-11-01T12:00:00", "2026-11-03T09:30:00", "2026-11-04T08:00:00") == "2026-11-01T12:00:00"
    # A cleared start clears a following referral time too.
    assert referral_time_after_start_change("2026-11-03T09:30:00", "2026-11-03T09:30:00", None) is None


def test_markers_sort_by_time_with_unreadable_and_empty_times_last_in_list_order() -> None:
    markers = [
        Marker(code="A", time="2026-11-05T10:00:00"),
        Marker(code="B", time="31-02-2026"),
        Marker(code="C", time="2026-11-03T10:00:00"),
        Marker(code="D", time=None),
        Marker(code="E", time="2026-11-04T10:00:00"),
    ]
    assert [markers[i].code for i in markers_in_time_order(markers)] == ["C", "E", "A", "B", "D"]
    assert markers_in_time_order([]) == []


def test_a_new_marker_time_is_now_without_seconds() -> None:
    assert marker_time_now(datetime(2026, 11, 25, 10, 30, 59, 999)) == "2026-11-25T10:30:00"
