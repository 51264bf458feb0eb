"""The schema of forms, the audit log, the local patient register and preferences, as sqlite-utils migrations.

A shipped migration is never renamed or edited: a new change is a new migration function.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

form_migrations = Migrations("seilocal.forms")


@form_migrations()
def m001_forms_audit_patients_prefs(db: Database) -> None:
    """Forms (the document plus the columns the list searches), audit rows, patients, preferences."""
    # AUTOINCREMENT: a form number is never reused, not even after a draft is deleted.
    db.execute(
        """
        CREATE TABLE forms (
            form_no INTEGER PRIMARY KEY AUTOINCREMENT,
            course_id TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL,
            cpr TEXT,
            name TEXT,
            course_start TEXT,
            course_end TEXT,
            start_marker TEXT,
            responsible_unit TEXT,
            created_at TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1,
            document TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX forms_cpr ON forms(cpr)")
    db.execute("CREATE INDEX forms_status ON forms(status)")
    db.execute("CREATE INDEX forms_changed ON forms(changed_at)")
    db.execute(
        """
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            form_no INTEGER NOT NULL,
            action TEXT NOT NULL,
            path TEXT,
            old_value TEXT,
            new_value TEXT,
            at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX audit_form ON audit(form_no, id)")
    db.execute("CREATE TABLE patients (cpr TEXT PRIMARY KEY, name TEXT, last_seen TEXT NOT NULL)")
    db.execute("CREATE TABLE prefs (key TEXT PRIMARY KEY, value TEXT)")


@form_migrations()
def m002_audit_user(db: Database) -> None:
    """Who made each audited change or view: the operating-system user the app ran as (issue 12)."""
    db.execute("ALTER TABLE audit ADD COLUMN user TEXT")


@form_migrations()
def m003_new_drafts_index(db: Database) -> None:
    """The drafts nobody has saved in yet, indexed apart (a partial index): the clean-up of untouched drafts runs
    on every load of the forms list, and with the status index alone it read every draft's row (0.46 s with
    66,000 drafts among 100,000 forms). A save touches this index only when a draft leaves it (its first save),
    where an index on (status, revision) would be rewritten by every save."""
    db.execute("CREATE INDEX forms_new_drafts ON forms(form_no) WHERE status = 'draft' AND revision = 1")
