"""Submitted versions and status changes in the store: submit, cancel, delete a draft, diff, audit export."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime

import pytest

from seilocal.model import Contact, Procedure
from seilocal.model.lifecycle import TransitionRefused
from seilocal.rules import validate
from seilocal.store import FormNotFound, StaleForm, crypto
from seilocal.store.history import audit_csv, diff_documents, field_label
from seilocal.store.versions import SubmitRefused, VersionStore, earliest_unreported
from tests.support.submit_helpers import clean_form

NOW = datetime(2026, 11, 25, 10, 30)


class Clock:
    """A settable clock."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def versions(store, clock) -> VersionStore:
    store.forms.clock = clock
    return VersionStore(store.db, store.forms, clock)


def _findings(store, stored):
    return validate(stored.form, store.catalog, NOW)


def test_submit_stores_version_one_and_marks_the_form_submitted(store, versions):
    stored = store.forms.create(clean_form())
    findings = _findings(store, stored)
    # Warnings, and info notes on rules whose code list the starter catalog lacks: nothing blocks.
    assert findings and all(f.severity in ("warning", "info") for f in findings)
    version = versions.submit(stored, findings)
    assert (version.version, version.form_no, version.submitted_at) == (1, 1, "2026-11-25T10:30:00")
    assert stored.form.status == "submitted"
    reloaded = store.forms.load(1)
    assert reloaded.form.status == "submitted" and reloaded.revision == stored.revision
    assert version.form() == reloaded.form
    assert [f["rule"] for f in version.findings_list()] == [f.rule for f in findings]
    assert store.forms.search(filters={"status": "submitted"})[0].form_no == 1
    assert store.forms.audit_rows(1)[-1]["action"] == "submit"


def test_submit_is_refused_while_errors_remain_and_changes_nothing(store, versions):
    form = clean_form()
    form.payment.payer = None
    stored = store.forms.create(form)
    revision = stored.revision
    with pytest.raises(SubmitRefused) as caught:
        versions.submit(stored, _findings(store, stored))
    assert caught.value.errors and all(e["severity"] == "error" for e in caught.value.errors)
    assert stored.form.status == "draft" and store.forms.load(1).form.status == "draft"
    assert store.forms.revision(1) == revision
    assert versions.versions(1) == []


def test_edit_after_submission_makes_it_changed_and_a_resubmission_version_two(store, versions, clock):
    stored = store.forms.create(clean_form())
    versions.submit(stored, _findings(store, stored))
    with pytest.raises(TransitionRefused):  # nothing changed since
        versions.submit(stored, [])
    clock.now = datetime(2026, 12, 2, 9, 0)
    store.forms.save_edit(stored, "patient.name", "Anden Person")
    assert store.forms.load(1).form.status == "changed"
    second = versions.submit(stored, _findings(store, stored))
    assert second.version == 2 and second.submitted_at == "2026-12-02T09:00:00"
    assert [v.version for v in versions.versions(1)] == [1, 2]
    assert versions.latest(1).form().patient.name == "Anden Person"
    assert versions.get(1, 1).form().patient.name == "Test Testesen"
    assert [v.version for v in versions.submitted_in_month("2026-12")] == [2]
    assert versions.submissions_per_month() == [("2026-11", 1), ("2026-12", 1)]
    with pytest.raises(ValueError):
        versions.submitted_in_month("2026-13")
    with pytest.raises(FormNotFound):
        versions.get(1, 3)


def test_versions_can_be_neither_updated_nor_deleted(store, versions):
    stored = store.forms.create(clean_form())
    versions.submit(stored, [])
    with pytest.raises(crypto.DatabaseError, match="immutable"):
        store.db.execute("UPDATE versions SET document = '{}'")
    with pytest.raises(crypto.DatabaseError, match="never deleted"):
        store.db.execute("DELETE FROM versions")
    assert versions.get(1, 1).form().patient.name == "Test Testesen"


def test_status_changes_run_with_synchronous_full_and_restore_normal(store, versions):
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    stored = store.forms.create(clean_form())
    versions.submit(stored, [])
    store.db.conn.set_trace_callback(None)
    full = statements.index("PRAGMA synchronous = FULL")
    insert = next(i for i, s in enumerate(statements) if s.startswith("INSERT INTO versions"))
    normal = statements.index("PRAGMA synchronous = NORMAL")
    assert full < insert < normal
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL


def test_cancel_needs_a_reason_keeps_the_form_and_is_final(store, versions):
    stored = store.forms.create(clean_form())
    with pytest.raises(TransitionRefused):
        versions.cancel(stored, "fejl")  # a draft is deleted, not cancelled
    versions.submit(stored, [])
    with pytest.raises(ValueError):
        versions.cancel(stored, "  ")
    assert store.forms.load(1).form.status == "submitted"
    versions.cancel(stored, "Forkert patient")
    assert store.forms.load(1).form.status == "cancelled"
    event = versions.status_events(1)[-1]
    assert event["action"] == "cancel" and json.loads(event["new_value"])["reason"] == "Forkert patient"
    for refused in (lambda: versions.delete_draft(stored), lambda: versions.submit(stored, []),
                    lambda: versions.cancel(stored, "igen")):
        with pytest.raises(TransitionRefused):
            refused()
    assert store.forms.load(1).form.status == "cancelled"


def test_a_draft_is_deleted_its_audit_rows_stay(store, versions):
    stored = store.forms.create(clean_form())
    store.forms.save_edit(stored, "patient.name", "Slet Mig")
    before = len(store.forms.audit_rows(1))
    versions.delete_draft(stored)
    with pytest.raises(FormNotFound):
        store.forms.load(1)
    rows = store.forms.audit_rows(1)
    assert len(rows) == before + 1 and rows[-1]["action"] == "delete"
    assert store.forms.create().form.form_no == 2  # the number is never reused


def test_a_submitted_form_is_never_deleted(store, versions):
    stored = store.forms.create(clean_form())
    versions.submit(stored, [])
    with pytest.raises(TransitionRefused):
        versions.delete_draft(stored)
    store.forms.save_edit(stored, "patient.name", "X")
    with pytest.raises(TransitionRefused):
        versions.delete_draft(stored)
    assert store.forms.load(1).form.status == "changed"


def test_a_stale_tab_cannot_submit_or_delete(store, versions):
    stored = store.forms.create(clean_form())
    other_tab = store.forms.load(1)
    store.forms.save_edit(other_tab, "patient.name", "Nyere")
    with pytest.raises(StaleForm):
        versions.submit(stored, [])
    assert stored.form.status == "draft" and versions.versions(1) == []
    with pytest.raises(StaleForm):
        versions.delete_draft(stored)
    assert store.forms.load(1).form.patient.name == "Nyere"


# -- diff -------------------------------------------------------------------------------------------------


def test_diff_names_fields_in_danish_and_matches_rows_by_id():
    old = clean_form()
    new = old.model_copy(deep=True)
    new.patient.name = "Ny"
    new.contacts[0].diagnoses[0].side = "TUL1"
    new.contacts.append(Contact(start="2026-11-10T08:00:00", type="ALCA00"))
    rows = {(r.label, r.old, r.new, r.change) for r in diff_documents(old, new)}
    assert ("Patient › Navn", "Test Testesen", "Ny", "changed") in rows
    assert ("Patientkontakt 1 › Diagnose 1 › Sideangivelse", "–", "TUL1", "changed") in rows
    assert ("Patientkontakt 2 › Starttidspunkt", "–", "10-11-2026 08:00:00", "added") in rows
    assert ("Patientkontakt 2 › Kontakttype", "–", "ALCA00", "added") in rows
    assert len(rows) == 4  # the new row's id and its empty fields are not differences

    removed = diff_documents(new, old)
    assert {(r.label, r.change) for r in removed} >= {("Patientkontakt 2 › Starttidspunkt", "removed")}


def test_diff_of_reordered_rows_is_empty_and_a_moved_row_keeps_its_changes():
    old = clean_form()
    old.contacts.append(Contact(start="2026-11-10T08:00:00"))
    new = old.model_copy(deep=True)
    new.contacts.reverse()
    assert diff_documents(old, new) == []
    new.contacts[1].end = "2026-11-03T11:00:00"  # the first contact of `old`, now second
    (row,) = diff_documents(old, new)
    assert row.path == "contacts[1].end" and row.label == "Patientkontakt 2 › Sluttidspunkt"
    assert (row.old, row.new) == ("03-11-2026 10:45:00", "03-11-2026 11:00:00")


def test_field_labels_follow_the_glossary():
    assert field_label("course.responsible_unit") == "Forløb › Forløbsansvar"
    assert field_label("contacts[0].responsible_unit") == "Patientkontakt 1 › Kontaktansvar"
    assert field_label("referral.time") == "Henvisning › Henvisningstidspunkt"
    assert field_label("procedures[2].producer") == "Procedure uden patientkontakt 3 › Procedureansvar"
    assert field_label("contacts[0].procedures[1].code") == "Patientkontakt 1 › Procedure 2 › Kode"
    assert field_label("result_reports[0].results.RDA01") == "Resultatindberetning 1 › Resultat › RDA01"


# -- what is due ------------------------------------------------------------------------------------------


def test_earliest_unreported_treatment():
    form = clean_form()
    form.procedures.append(Procedure(code="KHAC20", start="2026-10-30T09:00:00"))
    assert earliest_unreported(form, None) == date(2026, 10, 30)
    later = form.model_copy(deep=True)
    assert earliest_unreported(later, form) is None
    later.contacts.append(Contact(start="2026-11-20T09:00:00"))
    assert earliest_unreported(later, form) == date(2026, 11, 20)
    later.contacts[0].end = "2026-11-03T11:00:00"  # a reported contact changed: its own date counts again
    assert earliest_unreported(later, form) == date(2026, 11, 3)


def test_a_course_without_contacts_is_due_from_its_start_and_markers():
    from seilocal.model import Form
    from seilocal.model.form import Course, Marker
    from seilocal.rules.r_deadline import unreported_treatment

    form = Form(course=Course(start="2026-11-15T09:00:00", start_marker="AFV01A1"),
                markers=[Marker(code="AFV01B", time="2026-11-20T09:00:00")])
    assert earliest_unreported(form, None) == date(2026, 11, 15)
    assert unreported_treatment(form) == date(2026, 11, 15)
    from tests.support.rules_fakes import FakeCatalog

    findings = validate(form, FakeCatalog(), NOW)
    assert [f.message for f in findings if f.rule == "SEI-DL01"] == [
        "Skal indberettes senest 10-12-2026 (15 dage tilbage)"]


def test_unreported_lists_drafts_and_changed_forms(store, versions, clock):
    store.forms.create(clean_form())  # draft, treated 3 Nov
    store.forms.create()  # empty draft: no date yet
    submitted = store.forms.create(clean_form())
    versions.submit(submitted, [])
    changed = store.forms.create(clean_form())
    versions.submit(changed, [])
    clock.now = datetime(2026, 12, 1, 8, 0)
    store.forms.save_edit(changed, "referral.reason", "DJ068")  # no treatment changed: the edit day counts
    pending = {p.form_no: (p.status, p.since) for p in versions.unreported()}
    assert pending == {1: ("draft", date(2026, 11, 3)), 2: ("draft", None), 4: ("changed", date(2026, 12, 1))}


def test_deadlines_around_month_and_year_ends():
    from seilocal.pages.deadline_view import days_text, due_rows
    from seilocal.store.versions import Unreported

    pending = [
        Unreported(1, "draft", None, "A", date(2026, 12, 31)),  # due 10 Jan next year
        Unreported(2, "changed", None, "B", date(2026, 11, 30)),  # due 10 Dec
        Unreported(3, "draft", None, "C", date(2027, 1, 31)),  # due 10 Feb
        Unreported(4, "draft", None, "D", None),
    ]
    rows = due_rows(pending, today=date(2026, 12, 11))
    assert [(r.form_no, r.due, r.days, r.overdue) for r in rows] == [
        (2, date(2026, 12, 10), -1, True),
        (1, date(2027, 1, 10), 30, False),
        (3, date(2027, 2, 10), 61, False),
        (4, None, None, False),
    ]
    on_the_day = due_rows(pending[:1], today=date(2027, 1, 10))[0]
    assert on_the_day.days == 0 and not on_the_day.overdue
    assert [days_text(d) for d in (None, 0, 1, 5, -1, -3)] == [
        "–", "Sidste frist i dag", "1 dag tilbage", "5 dage tilbage", "1 dag overskredet", "3 dage overskredet"]


# -- audit log of a patient ----------------------------------------------------------------------------


def test_patient_audit_covers_every_form_of_the_cpr_and_exports_csv(store, versions):
    first = store.forms.create()
    store.forms.save_edit(first, "patient.cpr", "0101801233")
    store.forms.save_edit(first, "patient.name", "Test Testesen")
    versions.submit(first, [])
    second = store.forms.create()
    store.forms.save_edit(second, "patient.cpr", "010180-1233")  # same patient, typed with a dash
    gone = store.forms.create()
    store.forms.save_edit(gone, "patient.cpr", "0101801233")
    versions.delete_draft(gone)
    other = store.forms.create()
    store.forms.save_edit(other, "patient.cpr", "0202802222")

    assert versions.patient_form_numbers("010180-1233") == [1, 2, 3]
    rows = versions.patient_audit("0101801233")
    assert {r["form_no"] for r in rows} == {1, 2, 3}
    data = audit_csv(rows)
    assert data.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert table[0] == ["Tidspunkt", "Skemanummer", "Handling", "Felt", "Feltsti", "Før", "Efter"]
    assert len(table) == 1 + len(rows)
    assert ["25-11-2026 10:30:00", "1", "Ændret", "Patient › Navn", "patient.name", "", "Test Testesen"] in table
    assert any(r[2] == "Indberettet" and r[1] == "1" for r in table)
    assert any(r[2] == "Slettet" and r[1] == "3" for r in table)
    assert all("0202802222" not in cell for r in table for cell in r)


def test_views_read_as_danish_actions_without_a_field(store, versions):
    stored = store.forms.create()
    store.forms.save_edit(stored, "patient.cpr", "0101801233")
    store.forms.record_view(stored.form.form_no)
    store.forms.record_view(stored.form.form_no, "print")
    table = list(csv.reader(io.StringIO(audit_csv(versions.patient_audit("0101801233")).decode("utf-8-sig")),
                            delimiter=";"))
    views = [row[2:5] for row in table if row[2].startswith("Skemaet")]
    assert views == [["Skemaet åbnet", "", ""], ["Skemaet udskrevet (PDF)", "", ""]]  # never "Vist form"
