"""The store: one SQLite file per user, migrations, numbering, audit rows in the same transaction."""

import sqlite3
from datetime import datetime

import pytest

from seilocal.model import Form
from seilocal.settings import db_path
from seilocal.store import DatabaseRefused, FormNotFound, StaleForm, crypto, open_store
from seilocal.store.db import migration_sets
from tests.support import dbfile


def test_new_store_is_wal_and_fully_migrated(tmp_path):
    store = open_store(tmp_path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    applied = {row[0] for row in store.db.execute("SELECT name FROM _sqlite_migrations").fetchall()}
    assert applied >= {m.name for s in migration_sets() for m in s._migrations}
    store.close()


def test_forms_get_sequential_numbers_and_unique_course_ids(tmp_path):
    store = open_store(tmp_path)
    first, second = store.forms.create(), store.forms.create()
    assert (first.form.form_no, second.form.form_no) == (1, 2)
    assert first.form.course.id != second.form.course.id
    store.close()


def test_edit_survives_reopen_and_writes_an_audit_row(tmp_path):
    store = open_store(tmp_path)
    stored = store.forms.create()
    store.forms.save_edit(stored, "patient.cpr", "0101801235")
    store.forms.save_edit(stored, "course.start", "2026-11-03T09:30:00")
    store.close()

    again = open_store(tmp_path)
    loaded = again.forms.load(1)
    assert loaded.form.patient.cpr == "0101801235"
    assert loaded.form.course.start == "2026-11-03T09:30:00"
    rows = again.forms.audit_rows(1)
    assert [r["action"] for r in rows] == ["create", "set", "set"]
    assert rows[1]["path"] == "patient.cpr" and rows[1]["old_value"] is None and rows[1]["new_value"] == '"0101801235"'
    again.close()


def test_a_failed_save_writes_neither_form_nor_audit(tmp_path):
    store = open_store(tmp_path)
    stored = store.forms.create()
    store.db.execute("CREATE TRIGGER boom BEFORE INSERT ON audit WHEN NEW.action = 'set' "
                     "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
    with pytest.raises(crypto.IntegrityError):
        store.forms.save_edit(stored, "patient.name", "Jens")
    assert stored.form.patient.name is None  # the in-memory form is put back
    assert store.forms.load(1).form.patient.name is None
    assert len(store.forms.audit_rows(1)) == 1
    store.close()


def test_save_based_on_an_old_revision_is_refused(tmp_path):
    store = open_store(tmp_path)
    store.forms.create()
    tab_a, tab_b = store.forms.load(1), store.forms.load(1)
    store.forms.save_edit(tab_a, "patient.name", "Anna")
    with pytest.raises(StaleForm):
        store.forms.save_edit(tab_b, "patient.name", "Bent")
    assert store.forms.load(1).form.patient.name == "Anna"
    assert tab_b.form.patient.name is None
    store.close()


def test_edit_after_submission_marks_the_form_changed(tmp_path):
    store = open_store(tmp_path)
    stored = store.forms.import_form(Form(status="submitted"))
    store.forms.save_edit(stored, "patient.name", "Jens")
    assert store.forms.load(stored.form.form_no).form.status == "changed"
    store.close()


def test_search_by_cpr_name_number_and_course_id(tmp_path):
    store = open_store(tmp_path)
    a = store.forms.create()
    store.forms.save_edit(a, "patient.cpr", "0101801235")
    store.forms.save_edit(a, "patient.name", "Jens Hansen")
    b = store.forms.create()
    store.forms.save_edit(b, "patient.name", "Karen Blixen")
    assert [f.form_no for f in store.forms.search("010180")] == [1]
    assert [f.form_no for f in store.forms.search("010180-1235")] == [1]
    assert [f.form_no for f in store.forms.search("blixen")] == [2]
    assert [f.form_no for f in store.forms.search("2")][0] == 2  # exact form number first
    assert [f.form_no for f in store.forms.search(b.form.course.id[:8])] == [2]
    assert [f.form_no for f in store.forms.search("")] == [2, 1]
    store.close()


def test_filters_narrow_by_column(tmp_path):
    store = open_store(tmp_path)
    a = store.forms.create()
    store.forms.save_edit(a, "course.start", "2026-11-03T09:30:00")
    store.forms.save_edit(a, "course.start_marker", "AFV01A1")
    store.forms.create()
    assert [f.form_no for f in store.forms.search("", {"course_start": "2026-11"})] == [1]
    assert [f.form_no for f in store.forms.search("", {"start_marker": "AFV01A1"})] == [1]
    assert [f.form_no for f in store.forms.search("", {"status": "draft"})] == [2, 1]
    assert store.forms.search("", {"status": "submitted"}) == []
    assert store.forms.distinct_values("start_marker") == ["AFV01A1"]
    store.close()


def test_patient_register_remembers_names(tmp_path):
    store = open_store(tmp_path)
    stored = store.forms.create()
    store.forms.save_edit(stored, "patient.cpr", "0101801235")
    store.forms.save_edit(stored, "patient.name", "Jens Hansen")
    assert store.forms.patient_name("0101801235") == "Jens Hansen"
    assert store.forms.patient_name("0202802222") is None
    store.close()


def test_prefs_round_trip(tmp_path):
    store = open_store(tmp_path)
    store.prefs.set("code.mode.course.start_marker", "contains")
    store.close()
    assert open_store(tmp_path).prefs.get("code.mode.course.start_marker") == "contains"


def test_import_refuses_a_duplicate_course_id(tmp_path):
    store = open_store(tmp_path)
    form = Form()
    store.forms.import_form(form)
    with pytest.raises(ValueError, match="already"):
        store.forms.import_form(form)
    store.close()


def test_missing_form_raises(tmp_path):
    store = open_store(tmp_path)
    with pytest.raises(FormNotFound):
        store.forms.load(99)
    store.close()


def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path):
    path = db_path(tmp_path)
    path.write_bytes(b"my tax return, not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseRefused, match="not an SQLite file"):
        open_store(tmp_path)
    assert path.read_bytes() == before


def test_sqlite_file_of_another_program_is_refused_and_untouched(tmp_path):
    path = db_path(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseRefused, match="another program"):
        open_store(tmp_path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused_and_untouched(tmp_path):
    open_store(tmp_path).close()
    path = db_path(tmp_path)
    conn = dbfile.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('seilocal.forms', 'm999_from_the_future', ?)", [datetime.now().isoformat()])
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseRefused, match="newer version"):
        open_store(tmp_path)
    assert path.read_bytes() == before


def test_pending_migration_makes_a_verified_backup_first(tmp_path):
    open_store(tmp_path).close()
    path = db_path(tmp_path)
    conn = dbfile.connect(path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name IN ('m001_forms_audit_patients_prefs', 'm002_audit_user')")
    conn.execute("DROP TABLE prefs")
    conn.execute("DROP TABLE patients")
    conn.execute("DROP TABLE audit")
    conn.execute("DROP TABLE forms")
    conn.commit()
    conn.close()
    store = open_store(tmp_path)
    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    check = dbfile.connect(backups[0])
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()
    assert store.forms.create().form.form_no == 1
    store.close()


def test_the_last_four_cpr_digits_find_the_form_with_or_without_a_hyphen(tmp_path):
    from seilocal.store.forms_list import list_forms

    store = open_store(tmp_path)
    a = store.forms.create()
    store.forms.save_edit(a, "patient.cpr", "0101801235")
    b = store.forms.create()
    store.forms.save_edit(b, "patient.cpr", "020280-4321")
    store.forms.create()
    assert [f.form_no for f in store.forms.search("1235")] == [1]
    assert [f.form_no for f in list_forms(store.forms, "4321")] == [2]
    assert [f.form_no for f in list_forms(store.forms, "-4321")] == [2]
    assert list_forms(store.forms, "9999") == []
    store.close()


def test_the_search_and_the_list_are_one_query_that_ignores_case_for_ae_oe_aa_and_takes_wildcards_literally(tmp_path):
    from seilocal.store.forms_list import list_forms

    store = open_store(tmp_path)
    a = store.forms.create()
    store.forms.save_edit(a, "patient.name", "Ærbøl Ågård")
    b = store.forms.create()
    store.forms.save_edit(b, "patient.name", "Jens 100% Hansen")
    store.forms.create()
    for search in (store.forms.search, lambda text: list_forms(store.forms, text)):
        assert [f.form_no for f in search("ærbøl ågå")] == [1]
        assert [f.form_no for f in search("0%")] == [2]
        assert search("_") == []  # LIKE's one-letter wildcard is a letter here
    store.close()


def test_the_untouched_drafts_are_found_by_index_without_reading_the_other_forms(store) -> None:
    from seilocal.store.forms import UNTOUCHED_DRAFTS_SQL

    plan = " ".join(row[3] for row in store.db.execute("EXPLAIN QUERY PLAN " + UNTOUCHED_DRAFTS_SQL).fetchall())
    assert "USING INDEX forms_new_drafts" in plan, plan
