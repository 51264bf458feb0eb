"""What a restore carries over from the database it replaces: every issued version and bundle.

A version number and a bundle, once issued, may already be at LPR3. A restore to an older backup must not make
them unissued: the next submission would get the same number for other content, and LPR3 would receive two
documents claiming to be the same version. So the versions of the replaced file become versions of the restored
one (source `before-restore`, shown as "indberettet før gendannelse"), its bundles are copied in, and a form the
backup did not have yet comes back as it was last submitted. `hidden_versions` says beforehand what a restore
would otherwise hide.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from seilocal.model import Form

CARRIED = "before-restore"


@dataclass(frozen=True)
class IssuedVersion:
    """One version row of a database file."""

    form_no: int
    course_id: str
    version: int
    submitted_at: str
    document: str
    findings: str


def read_versions(conn: Any) -> list[IssuedVersion]:
    """Every version row of a (read-only) connection; [] for a file from before versions were kept.

    A damaged file raises the driver's error (the caller decides)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'versions'").fetchone():
        return []
    rows = conn.execute("SELECT form_no, course_id, version, submitted_at, document, findings FROM versions "
                        "ORDER BY form_no, version").fetchall()
    return [IssuedVersion(*row) for row in rows]


def hidden_versions(current: list[IssuedVersion], backup: list[IssuedVersion]) -> list[IssuedVersion]:
    """The versions of the current file the backup lacks (a restore carries them over)."""
    have = {(v.form_no, v.version) for v in backup}
    return [v for v in current if (v.form_no, v.version) not in have]


def carry_versions(db: Database, issued: list[IssuedVersion], at: str) -> int:
    """Insert into the restored database the versions it lacks; return how many.

    A version is carried only onto the same course: when the form number holds another course here (it cannot,
    for backups of this folder) it is left out rather than mixed in. A form that has versions and is a draft here
    becomes "changed" (it was reported; what the backup holds is a change since), and so does a "submitted" form
    whose content is not its latest version's; each with an audit row.
    """
    from .forms import FormStore

    forms = FormStore(db)
    latest = {v.form_no: v for v in issued}  # in version order: the last one wins
    carried = 0
    with db.atomic():
        for version in issued:
            row = db.execute("SELECT course_id, status FROM forms WHERE form_no = ?", [version.form_no]).fetchone()
            if row is None:
                if db.execute("SELECT 1 FROM forms WHERE course_id = ?", [version.course_id]).fetchone():
                    continue
                _insert_form(db, forms, latest[version.form_no])
            elif row[0] != version.course_id:
                continue
            if db.execute("SELECT 1 FROM versions WHERE form_no = ? AND version = ?",
                          [version.form_no, version.version]).fetchone():
                continue
            db.execute(
                "INSERT INTO versions (form_no, course_id, version, submitted_at, document, findings, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [version.form_no, version.course_id, version.version, version.submitted_at, version.document,
                 version.findings, CARRIED])
            forms._audit(version.form_no, "carry", "version", None, version.version, at)  # noqa: SLF001
            carried += 1
        for form_no in sorted({v.form_no for v in issued}):
            _mark_changed(db, forms, form_no, at)
    return carried


def _mark_changed(db: Database, forms: Any, form_no: int, at: str) -> None:
    """A draft with versions, or a "submitted" form whose content is not its latest version's, is "changed":
    what the restored file holds is a change since what LPR3 has."""
    row = db.execute("SELECT status FROM forms WHERE form_no = ?", [form_no]).fetchone()
    latest = db.execute("SELECT document FROM versions WHERE form_no = ? ORDER BY version DESC LIMIT 1",
                        [form_no]).fetchone()
    if row is None or latest is None or row[0] not in ("draft", "submitted"):
        return
    stored = forms.load(form_no)
    reported = Form.model_validate_json(latest[0])
    reported.status, reported.form_no = stored.form.status, stored.form.form_no
    if row[0] == "submitted" and reported.model_dump() == stored.form.model_dump():
        return
    old = stored.form.status
    stored.form.status = "changed"
    forms._write_document(stored.form, at)  # noqa: SLF001
    db.execute("UPDATE forms SET status = 'changed' WHERE form_no = ?", [form_no])
    forms._audit(form_no, "carry", "status", old, "changed", at)  # noqa: SLF001


def _insert_form(db: Database, forms: Any, version: IssuedVersion) -> None:
    """The form as last submitted, under its own number (a number issued once stays this form's)."""
    last = Form.model_validate_json(version.document)
    last.form_no = version.form_no
    db.execute(
        "INSERT INTO forms (form_no, course_id, status, created_at, changed_at, revision, document) "
        "VALUES (?, ?, ?, ?, ?, 1, '{}')",
        [version.form_no, version.course_id, last.status, version.submitted_at, version.submitted_at])
    forms._write_document(last, version.submitted_at)  # noqa: SLF001
