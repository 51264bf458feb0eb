"""The schema of submitted versions (B6): one immutable row per submission.

A shipped migration is never renamed or edited: a new change is a new migration function.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

versions_migrations = Migrations("seilocal.versions")


@versions_migrations()
def m001_versions(db: Database) -> None:
    """Versions (document and findings as submitted), never updated nor deleted (enforced by triggers)."""
    # No foreign key to forms: a version outlives nothing it should, but it must never block or follow a
    # change of the forms table (a submitted form is never deleted anyway, see model/lifecycle.py).
    db.execute(
        """
        CREATE TABLE versions (
            id INTEGER PRIMARY KEY,
            form_no INTEGER NOT NULL,
            course_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            submitted_at TEXT NOT NULL,
            document TEXT NOT NULL,
            findings TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT 'local',
            UNIQUE (form_no, version)
        )
        """
    )
    db.execute("CREATE INDEX versions_submitted ON versions(submitted_at)")
    db.execute("CREATE INDEX versions_course ON versions(course_id, version)")
    db.execute(
        "CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions "
        "BEGIN SELECT RAISE(ABORT, 'a submitted version is immutable'); END"
    )
    db.execute(
        "CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions "
        "BEGIN SELECT RAISE(ABORT, 'a submitted version is never deleted'); END"
    )
