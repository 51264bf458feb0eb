"""Forms in SQLite: create, load, save one edited field with its audit row, list and search."""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from seilocal.clock import now
from seilocal.model import Form, get_path, set_path
from seilocal.model.lifecycle import next_status

from .forms_query import FILTER_COLUMNS, FormSet, forms_query

Clock = Callable[[], datetime]


# Drafts never saved since made, with no audit row but their creation and views. The partial index
# forms_new_drafts (schema m003) holds exactly the rows of the first two terms; named, because without statistics
# SQLite would take the status index and read every draft's row.
UNTOUCHED_DRAFTS_SQL = (
    "SELECT form_no, document FROM forms INDEXED BY forms_new_drafts WHERE status = 'draft' AND revision = 1 "
    "AND NOT EXISTS (SELECT 1 FROM audit WHERE audit.form_no = forms.form_no AND action NOT IN ('create', 'view'))")

class FormNotFound(LookupError):
    """No form with that number."""


class StaleForm(RuntimeError):
    """The form changed since it was loaded (another tab or process): reload before editing."""


@dataclass
class StoredForm:
    """A form as loaded: the document and the revision the next save must be based on."""

    form: Form
    revision: int
    created_at: str
    changed_at: str

    @property
    def form_no(self) -> int:
        """The form's number: a stored form always has one."""
        if self.form.form_no is None:
            raise FormNotFound("the form was never stored")
        return self.form.form_no


@dataclass(frozen=True)
class FormSummary:
    """One row of the forms list."""

    form_no: int
    course_id: str
    status: str
    cpr: str | None
    name: str | None
    course_start: str | None
    course_end: str | None
    start_marker: str | None
    responsible_unit: str | None
    changed_at: str


# Columns of the forms table that copy a value of the document, so the list can search and filter it.
_SUMMARY_COLUMNS: dict[str, Callable[[Form], Any]] = {
    "status": lambda f: f.status,
    "cpr": lambda f: f.patient.cpr,
    "name": lambda f: f.patient.name,
    "course_start": lambda f: f.course.start,
    "course_end": lambda f: f.course.end,
    "start_marker": lambda f: f.course.start_marker,
    "responsible_unit": lambda f: f.course.responsible_unit,
}

# Saves of one field that follow each other within this time are one change in the audit log: the value the
# user left the field with (or paused on), not one row per pause in the typing.
AUDIT_MERGE_S = 120


def os_user() -> str:
    """The operating-system user the app runs as: who made a change, for the audit log."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER (a bare container): say so plainly
        return "ukendt"


def _now_text(clock: Clock) -> str:
    return clock().replace(microsecond=0).isoformat()


def _audit_text(value: Any) -> str | None:
    if value is None:
        return None
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    return json.dumps(value, ensure_ascii=False)


class FormStore:
    """All reads and writes of forms. Every write is one transaction together with its audit row."""

    def __init__(self, db: Database, clock: Clock = now) -> None:
        self.db = db
        self.clock = clock
        self.user = os_user()

    # -- writing -------------------------------------------------------------------------------------

    def create(self, template: Form | None = None) -> StoredForm:
        """A new draft with a fresh forløbsID and the next form number, pre-filled from `template` if given."""
        form = Form() if template is None else template.model_copy(deep=True)
        form.course.id = Form().course.id  # always a fresh forløbsID
        form.status = "draft"
        return self._insert(form, action="create")

    def import_form(self, form: Form) -> StoredForm:
        """Add a form read from a document; it gets a new form number, its forløbsID is kept."""
        if self.of_course(form.course.id) is not None:
            raise ValueError(f"a form with forløbsID {form.course.id} is already in this database")
        return self._insert(form.model_copy(deep=True), action="import")

    def _insert(self, form: Form, action: str) -> StoredForm:
        now = _now_text(self.clock)
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO forms (course_id, status, created_at, changed_at, revision, document) "
                "VALUES (?, ?, ?, ?, 1, '{}')",
                [form.course.id, form.status, now, now],
            )
            form.form_no = cursor.lastrowid
            self._write_document(form, now)
            self._audit(form.form_no, action, None, None, None, now)
        return StoredForm(form, 1, now, now)

    def save_edit(self, stored: StoredForm, path: str, value: Any, *, fold_audit: bool = False) -> Any:
        """Set one field, save the form and its audit row in one transaction; return the old value.

        Raises StaleForm when the stored revision moved on (nothing is written and the in-memory form is
        put back), and pydantic's ValidationError when the value does not fit the field. A submitted form
        becomes "changed": any edit after a submission must be reported again. With `fold_audit` (the app's
        typing) a save of the field that was saved last, a moment ago, updates that audit row instead.
        """
        old = get_path(stored.form, path)
        # Validate first (raises without touching anything), then apply through the one save path.
        set_path(stored.form, path, value)
        set_path(stored.form, path, old)
        self._change(stored, lambda: set_path(stored.form, path, value), lambda: set_path(stored.form, path, old),
                     "fold" if fold_audit else "set", path, old, value)
        return old

    def add_row(self, stored: StoredForm, list_path: str, row: Any, index: int | None = None,
                action: str = "add") -> int:
        """Insert a row (a marker, contact, diagnosis, ...) into the list at `list_path`; return its index."""
        rows = get_path(stored.form, list_path)
        position = len(rows) if index is None else max(0, min(index, len(rows)))

        def apply() -> None:
            rows.insert(position, row)

        def revert() -> None:
            rows.pop(position)

        self._change(stored, apply, revert, action, f"{list_path}[{position}]", None, row)
        return position

    def remove_row(self, stored: StoredForm, list_path: str, index: int) -> Any:
        """Remove the row at `index` of the list at `list_path`; return it (so it can be put back: undo)."""
        rows = get_path(stored.form, list_path)
        row = rows[index]

        def apply() -> None:
            rows.pop(index)

        def revert() -> None:
            rows.insert(index, row)

        self._change(stored, apply, revert, "delete", f"{list_path}[{index}]", row, None)
        return row

    def _change(self, stored: StoredForm, apply: Callable[[], None], revert: Callable[[], None], action: str,
                path: str, old: Any, new: Any) -> None:
        """Apply an in-memory change and save it with its audit row; undo the change if saving fails."""
        form = stored.form
        next_status(form.status, "edit")  # a cancelled form takes no edits (raises TransitionRefused)
        old_status = form.status
        apply()
        if form.status == "submitted":
            form.status = "changed"
        now = _now_text(self.clock)
        try:
            with self.db.atomic():
                cursor = self.db.execute(
                    "UPDATE forms SET revision = revision + 1 WHERE form_no = ? AND revision = ?",
                    [form.form_no, stored.revision],
                )
                if cursor.rowcount != 1:
                    raise StaleForm(f"form {form.form_no} was changed elsewhere")
                self._write_document(form, now)
                if action != "fold" or not self._merge_audit(form.form_no, path, new, now):
                    self._audit(form.form_no, "set" if action == "fold" else action, path, old, new, now)
        except BaseException:
            revert()
            form.status = old_status
            raise
        stored.revision += 1
        stored.changed_at = now

    def discard_untouched_drafts(self, is_blank: Callable[[Form], bool], keep: Collection[int] = (),
                                 only: int | None = None) -> list[int]:
        """Delete drafts nobody wrote in (made by "Opret skema" and left): their numbers, each with a 'delete' row.

        Untouched means never saved since it was made (revision 1), no audit row but its creation and views, and
        a document `is_blank` accepts (nothing but what a new form starts with). So a draft with any typed
        value, an imported or pre-filled form, or one with a status change is never removed. Forms in `keep`
        (open in a tab right now) stay; with `only`, just that form is considered.
        """
        sql = UNTOUCHED_DRAFTS_SQL
        params: list[Any] = []
        if only is not None:
            sql += " AND form_no = ?"
            params.append(only)
        now = _now_text(self.clock)
        gone: list[int] = []
        with self.db.atomic():
            for form_no, document in self.db.execute(sql, params).fetchall():
                if form_no in keep or not is_blank(Form.model_validate_json(document)):
                    continue
                # The same conditions again in the DELETE: a save in between (another process) keeps the form.
                cursor = self.db.execute(
                    "DELETE FROM forms WHERE form_no = ? AND status = 'draft' AND revision = 1", [form_no])
                if cursor.rowcount == 1:
                    self._audit(form_no, "delete", None, None, None, now)
                    gone.append(form_no)
        return gone

    def record_view(self, form_no: int, what: str = "form") -> None:
        """Log that a form was opened (or printed, exported...): an access request lists views too (B6)."""
        with self.db.atomic():
            self._audit(form_no, "view", what, None, None, _now_text(self.clock))

    def _write_document(self, form: Form, now: str) -> None:
        columns = {name: get(form) for name, get in _SUMMARY_COLUMNS.items()}
        assignments = ", ".join(f"{name} = ?" for name in columns)
        self.db.execute(
            f"UPDATE forms SET {assignments}, changed_at = ?, document = ? WHERE form_no = ?",
            [*columns.values(), now, form.to_json(), form.form_no],
        )
        cpr = form.patient.cpr
        if cpr and form.patient.name:
            self.db.execute(
                "INSERT INTO patients (cpr, name, last_seen) VALUES (?, ?, ?) "
                "ON CONFLICT(cpr) DO UPDATE SET name = excluded.name, last_seen = excluded.last_seen",
                [cpr, form.patient.name, now],
            )

    def _audit(self, form_no: int | None, action: str, path: str | None, old: Any, new: Any, now: str) -> None:
        self.db.execute(
            "INSERT INTO audit (form_no, action, path, old_value, new_value, at, user) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [form_no, action, path, _audit_text(old), _audit_text(new), now, self.user],
        )

    def _merge_audit(self, form_no: int | None, path: str, new: Any, now: str) -> bool:
        """Fold a save into the form's last audit row when that row is a save of the same field by the same
        user a moment ago (typing with pauses); True when folded. A change back to the old value removes it."""
        last = self.db.execute(
            "SELECT id, action, path, old_value, at, user FROM audit WHERE form_no = ? ORDER BY id DESC LIMIT 1",
            [form_no],
        ).fetchone()
        if last is None or (last[1], last[2], last[5]) != ("set", path, self.user):
            return False
        if (datetime.fromisoformat(now) - datetime.fromisoformat(last[4])).total_seconds() > AUDIT_MERGE_S:
            return False
        new_text = _audit_text(new)
        if new_text == last[3]:
            self.db.execute("DELETE FROM audit WHERE id = ?", [last[0]])
        else:
            self.db.execute("UPDATE audit SET new_value = ?, at = ? WHERE id = ?", [new_text, now, last[0]])
        return True

    # -- reading -------------------------------------------------------------------------------------

    def load(self, form_no: int) -> StoredForm:
        """The stored form with that number."""
        row = self.db.execute(
            "SELECT document, revision, created_at, changed_at FROM forms WHERE form_no = ?", [form_no]
        ).fetchone()
        if row is None:
            raise FormNotFound(f"no form number {form_no}")
        return StoredForm(Form.model_validate_json(row[0]), row[1], row[2], row[3])

    def of_course(self, course_id: str, *, any_case: bool = False) -> tuple[int, str] | None:
        """(form number, status) of the form of this forløbsID, or None; `any_case`: the ID in any letter case
        (a document may write the UUID in capitals)."""
        collate = " COLLATE NOCASE" if any_case else ""
        row = self.db.execute(f"SELECT form_no, status FROM forms WHERE course_id = ?{collate}",
                              [course_id]).fetchone()
        return None if row is None else (int(row[0]), str(row[1]))

    def document_json(self, form_no: int) -> str:
        """The stored document exactly as saved."""
        row = self.db.execute("SELECT document FROM forms WHERE form_no = ?", [form_no]).fetchone()
        if row is None:
            raise FormNotFound(f"no form number {form_no}")
        return str(row[0])

    def revision(self, form_no: int) -> int:
        """The current revision of a form (moves on with every save)."""
        row = self.db.execute("SELECT revision FROM forms WHERE form_no = ?", [form_no]).fetchone()
        if row is None:
            raise FormNotFound(f"no form number {form_no}")
        return int(row[0])

    def audit_rows(self, form_no: int) -> list[dict[str, Any]]:
        """The audit rows of one form, oldest first."""
        return list(self.db.query("SELECT * FROM audit WHERE form_no = ? ORDER BY id", [form_no]))

    def patient_name(self, cpr: str) -> str | None:
        """The name last recorded with this CPR in the local patient register."""
        row = self.db.execute("SELECT name FROM patients WHERE cpr = ?", [cpr]).fetchone()
        return row[0] if row else None

    def search(self, text: str = "", filters: dict[str, str] | None = None, limit: int = 200, *,
               only: FormSet | None = None, without: FormSet | None = None) -> list[FormSummary]:
        """Forms found by CPR (prefix), name (contains, any case), form number or forløbsID (prefix), narrowed by
        column filters and to the form numbers in `only` / not in `without` (`forms_query.py`)."""
        sql, params = forms_query(text, filters, only=only, without=without, limit=limit)
        return [FormSummary(*row) for row in self.db.execute(sql, params).fetchall()]

    def distinct_values(self, column: str) -> list[str]:
        """The values a filterable column holds, for the filter drop-downs."""
        if column not in FILTER_COLUMNS:
            raise ValueError(column)
        rows = self.db.execute(
            f"SELECT DISTINCT {column} FROM forms WHERE {column} IS NOT NULL ORDER BY {column} LIMIT 500"
        ).fetchall()
        return [row[0] for row in rows]


class Prefs:
    """Small user preferences (e.g. the search mode per code field), kept in the database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str) -> str | None:
        """The stored value, or None."""
        row = self.db.execute("SELECT value FROM prefs WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set(self, key: str, value: str) -> None:
        """Store a value."""
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO prefs (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
