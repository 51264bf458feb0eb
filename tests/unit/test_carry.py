"""What a restore carries over from the file it replaces: issued versions stay issued, numbers are never reused."""

from __future__ import annotations

from datetime import datetime

from seilocal.store import memory_store
from seilocal.store.carry import IssuedVersion, carry_versions, hidden_versions
from seilocal.store.versions import versions_of
from tests.support.submit_helpers import clean_form

AT = "2026-11-25T10:30:00"


def _issued(form, version: int, name: str) -> IssuedVersion:
    document = form.model_copy(deep=True)
    document.patient.name, document.status = name, "submitted"
    return IssuedVersion(form.form_no, form.course.id, version, f"2026-11-2{version}T09:00:00", document.to_json(),
                         "[]")


def test_a_newer_version_makes_a_submitted_form_changed_and_the_next_number_follows_it():
    store = memory_store()
    stored = store.forms.create(clean_form())
    versions = versions_of(store, lambda: datetime(2026, 11, 24, 9, 0))
    versions.submit(stored, [])
    assert carry_versions(store.db, [_issued(stored.form, 1, "x"), _issued(stored.form, 2, "Ny")], AT) == 1
    assert [(v.version, v.source) for v in versions.versions(1)] == [(1, "local"), (2, "before-restore")]
    assert store.forms.load(1).form.status == "changed"  # its content is v1's, LPR3 has v2
    assert versions.prepare(store.forms.load(1), []).version.version == 3


def test_a_submitted_form_equal_to_its_latest_version_stays_submitted():
    store = memory_store()
    stored = store.forms.create(clean_form())
    versions_of(store, lambda: datetime(2026, 11, 24, 9, 0)).submit(stored, [])
    latest = versions_of(store).latest(1)
    same = IssuedVersion(1, stored.form.course.id, 1, latest.submitted_at, latest.document, "[]")
    assert carry_versions(store.db, [same], AT) == 0
    assert store.forms.load(1).form.status == "submitted"


def test_a_form_the_backup_lacks_comes_back_under_its_number_which_is_not_given_again():
    source = memory_store()
    source.forms.create(clean_form())
    lost = source.forms.create(clean_form())  # form 2, submitted after the backup
    store = memory_store()
    store.forms.create(clean_form())  # the backup has form 1 only
    assert carry_versions(store.db, [_issued(lost.form, 1, "Anna")], AT) == 1
    back = store.forms.load(2).form
    assert (back.course.id, back.patient.name, back.status) == (lost.form.course.id, "Anna", "submitted")
    assert store.forms.create(clean_form()).form.form_no == 3


def test_a_version_of_another_course_under_the_same_number_is_not_mixed_in():
    store = memory_store()
    store.forms.create(clean_form())
    other = clean_form()
    other.form_no = 1  # same number, another forløbsID
    assert carry_versions(store.db, [_issued(other, 1, "x")], AT) == 0
    assert versions_of(store).versions(1) == []


def test_hidden_versions_are_those_the_backup_lacks():
    form = clean_form()
    form.form_no = 1
    current = [_issued(form, 1, "a"), _issued(form, 2, "b")]
    assert [(v.form_no, v.version) for v in hidden_versions(current, current[:1])] == [(1, 2)]
