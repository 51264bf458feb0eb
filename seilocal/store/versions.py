"""Submitted versions and status changes (B6, B7): submit, import a version, cancel, delete a draft, and the
reads of versions and status rows (what is due, a patient's audit rows). The history page's labels, diff and
audit CSV are in `history.py`.

Every status change is one transaction with its audit row, written with `PRAGMA synchronous=FULL` so an
acknowledged submission survives a power cut, not just a process crash.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from seilocal.model import Form
from seilocal.model.datetime_input import parse_stored
from seilocal.model.lifecycle import next_status
from seilocal.rules.r_deadline import course_dates

from .forms import FormNotFound, FormStore, StaleForm, StoredForm

if TYPE_CHECKING:
    from . import Store

Clock = Callable[[], datetime]

# Audit actions that mark a submission (local, or a version loaded from a bundle).
SUBMISSION_ACTIONS = ("submit", "import-bundle")


class SubmitRefused(RuntimeError):
    """Validation errors remain: nothing was submitted. `errors` holds the blocking findings."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(errors)} validation error(s) remain; nothing was submitted")
        self.errors = errors


@dataclass(frozen=True)
class Version:
    """One submitted version, exactly as it was submitted."""

    form_no: int
    course_id: str
    version: int
    submitted_at: str
    document: str
    findings: str
    source: str = "local"

    def form(self) -> Form:
        """The document of this version as a model."""
        return Form.model_validate_json(self.document)

    def findings_list(self) -> list[dict[str, Any]]:
        """The findings stored with this version (warnings only: errors block a submission)."""
        found: list[dict[str, Any]] = json.loads(self.findings)
        return found


@dataclass
class Prepared:
    """A submission made ready before it is stored: the version-to-be and its bundle (file stem, bytes)."""

    version: Version
    bundle: tuple[str, bytes] | None = None
    bundle_name: str | None = None


# Errors that do not block a submission: a report that is already late (SEI-DL02) must still be sent;
# refusing it would only make it later. It stays an error in the findings, as LPR3 counts it.
NON_BLOCKING_RULES = frozenset({"SEI-DL02"})


def blocking_errors(findings: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The findings that refuse a submission."""
    return [f for f in findings if f.get("severity") == "error" and f.get("rule") not in NON_BLOCKING_RULES]


def finding_dicts(findings: Sequence[Any]) -> list[dict[str, Any]]:
    """Findings (rules.Finding dataclasses or dicts) as plain dicts."""
    return [asdict(f) if is_dataclass(f) and not isinstance(f, type) else dict(f) for f in findings]


def _number(form: Form) -> int:
    """The form number of a stored form (a form not yet stored has none: a defect of the caller)."""
    if form.form_no is None:
        raise FormNotFound("the form was never stored")
    return form.form_no


def _now_text(clock: Clock) -> str:
    return clock().replace(microsecond=0).isoformat()


@contextmanager
def durable(db: Database) -> Iterator[None]:
    """Run the block with `synchronous=FULL`, then go back to NORMAL (the app's default with WAL)."""
    db.execute("PRAGMA synchronous = FULL")
    try:
        yield
    finally:
        db.execute("PRAGMA synchronous = NORMAL")


@dataclass(frozen=True)
class Unreported:
    """A form with changes that must still be submitted, and the date its reporting deadline runs from."""

    form_no: int
    status: str
    cpr: str | None
    name: str | None
    since: date | None


class VersionStore:
    """Status changes of forms and their immutable submitted versions."""

    def __init__(self, db: Database, forms: FormStore, clock: Clock | None = None) -> None:
        self.db = db
        self.forms = forms
        self.clock = clock or forms.clock

    # -- status changes ------------------------------------------------------------------------------

    def submit(self, stored: StoredForm, findings: Sequence[Any], prepared: Prepared | None = None) -> Version:
        """Store the form as its next version and mark it submitted; refuse while errors remain.

        `findings` is the full validation of the form as it is now; the caller confirmed any warnings.
        `prepared` (from `prepare`) carries the number, time and bundle made before: the bundle is stored in
        the same transaction as the version, so a crash leaves either neither or both.
        """
        form = stored.form
        next_status(form.status, "submit")  # raises TransitionRefused
        found = finding_dicts(findings)
        errors = blocking_errors(found)
        if errors:
            raise SubmitRefused(errors)
        now = prepared.version.submitted_at if prepared else _now_text(self.clock)
        old_status = form.status
        form.status = "submitted"
        try:
            with durable(self.db), self.db.atomic():
                self._bump_revision(stored)
                number = self._next_version(form.form_no)
                if prepared is not None and (number != prepared.version.version
                                             or prepared.version.document != form.to_json()):
                    raise StaleForm(f"form {form.form_no} was changed while its submission was prepared")
                self.add_version(form, number, now, json.dumps(found, ensure_ascii=False), old_status=old_status)
                if prepared is not None and prepared.bundle is not None:
                    from .bundles import BundleStore

                    stem, data = prepared.bundle
                    prepared.bundle_name = BundleStore(self.db, self.clock).put(stem, data, form.form_no, number)
        except BaseException:
            form.status = old_status
            raise
        stored.revision += 1
        stored.changed_at = now
        return self.get(_number(form), number)

    def add_version(self, form: Form, number: int, submitted_at: str, findings: str, *, source: str = "local",
                    old_status: str | None = None, at: str | None = None) -> None:
        """Write `form` as its form's document and as version `number`, with the audit row that marks it: the one
        way a version is written, inside the caller's transaction (`submit`, `import_version`).

        `source` "local": submitted here (audit "submit", `old_status` -> submitted); "bundle": loaded from a
        bundle (audit "import-bundle"). `at` is when it was stored here (default: `submitted_at`).
        """
        at = at or submitted_at
        self.forms._write_document(form, at)  # noqa: SLF001 - one store package, one save path
        self.db.execute(
            "INSERT INTO versions (form_no, course_id, version, submitted_at, document, findings, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [form.form_no, form.course.id, number, submitted_at, form.to_json(), findings, source],
        )
        if source == "local":
            self.forms._audit(form.form_no, "submit", "status", old_status, "submitted", at)  # noqa: SLF001
        else:
            self.forms._audit(form.form_no, "import-bundle", "status", None,  # noqa: SLF001
                              {"status": form.status, "version": number, "submitted_at": submitted_at}, at)

    def import_version(self, form: Form, number: int, submitted_at: str, findings: str,
                       form_no: int | None = None) -> int:
        """Store a version loaded from a bundle in one durable transaction; return the local form number.

        With `form_no` the form here is overwritten by the bundle's document (the caller checked that nothing
        local is lost); without, the form is added with a new number. Its audit row says "import-bundle".
        """
        form = form.model_copy(deep=True)
        now = _now_text(self.clock)
        with durable(self.db), self.db.atomic():
            if form_no is None:
                form_no = self.forms.import_form(form).form_no
            else:
                self.db.execute("UPDATE forms SET revision = revision + 1 WHERE form_no = ?", [form_no])
            form.form_no = form_no
            self.add_version(form, number, submitted_at, findings, source="bundle", at=now)
        return form_no

    def prepare(self, stored: StoredForm, findings: Sequence[Any]) -> Prepared:
        """The version `submit` would store now (number, time, document as submitted), not yet stored.

        Its documents and bundle are made from it before anything is written (`export/submission.py`).
        """
        form = stored.form
        next_status(form.status, "submit")
        found = finding_dicts(findings)
        errors = blocking_errors(found)
        if errors:
            raise SubmitRefused(errors)
        submitted = form.model_copy(deep=True)
        submitted.status = "submitted"
        version = Version(_number(form), form.course.id, self._next_version(form.form_no), _now_text(self.clock),
                          submitted.to_json(), json.dumps(found, ensure_ascii=False))
        return Prepared(version)

    def cancel(self, stored: StoredForm, reason: str) -> None:
        """Cancel a submitted (or changed) form; the reason is kept in the audit log."""
        form = stored.form
        target = next_status(form.status, "cancel")
        if not reason or not reason.strip():
            raise ValueError("a cancellation needs a reason")
        now = _now_text(self.clock)
        old_status = form.status
        form.status = target  # type: ignore[assignment]
        try:
            with durable(self.db), self.db.atomic():
                self._bump_revision(stored)
                self.forms._write_document(form, now)  # noqa: SLF001
                self.forms._audit(form.form_no, "cancel", "status", old_status,  # noqa: SLF001
                                  {"status": target, "reason": reason.strip()}, now)
        except BaseException:
            form.status = old_status
            raise
        stored.revision += 1
        stored.changed_at = now

    def delete_draft(self, stored: StoredForm) -> None:
        """Remove a draft that was never submitted; its audit rows stay, plus a 'delete' row."""
        form = stored.form
        next_status(form.status, "delete")
        now = _now_text(self.clock)
        with durable(self.db), self.db.atomic():
            cursor = self.db.execute(
                "DELETE FROM forms WHERE form_no = ? AND revision = ? AND status = 'draft'",
                [form.form_no, stored.revision],
            )
            if cursor.rowcount != 1:
                raise StaleForm(f"form {form.form_no} was changed elsewhere")
            self.forms._audit(form.form_no, "delete", None, None, None, now)  # noqa: SLF001

    def _bump_revision(self, stored: StoredForm) -> None:
        cursor = self.db.execute(
            "UPDATE forms SET revision = revision + 1 WHERE form_no = ? AND revision = ?",
            [stored.form.form_no, stored.revision],
        )
        if cursor.rowcount != 1:
            raise StaleForm(f"form {stored.form.form_no} was changed elsewhere")

    def _next_version(self, form_no: int | None) -> int:
        """One more than every number ever issued for the form: its versions, and the bundles kept from before
        a restore (a number once issued is never issued again for other content)."""
        row = self.db.execute(
            "SELECT max(v) FROM (SELECT max(version) AS v FROM versions WHERE form_no = ? "
            "UNION ALL SELECT max(version) FROM bundles WHERE form_no = ?)", [form_no, form_no]).fetchone()
        return (row[0] or 0) + 1

    # -- reading -------------------------------------------------------------------------------------

    _COLUMNS = "form_no, course_id, version, submitted_at, document, findings, source"

    def versions(self, form_no: int) -> list[Version]:
        """Every version of a form, oldest first."""
        rows = self.db.execute(
            f"SELECT {self._COLUMNS} FROM versions WHERE form_no = ? ORDER BY version", [form_no]
        ).fetchall()
        return [Version(*row) for row in rows]

    def get(self, form_no: int, version: int) -> Version:
        """One version; FormNotFound when there is no such version."""
        row = self.db.execute(
            f"SELECT {self._COLUMNS} FROM versions WHERE form_no = ? AND version = ?", [form_no, version]
        ).fetchone()
        if row is None:
            raise FormNotFound(f"form {form_no} has no version {version}")
        return Version(*row)

    def latest(self, form_no: int) -> Version | None:
        """The newest version of a form, or None when it was never submitted."""
        row = self.db.execute(
            f"SELECT {self._COLUMNS} FROM versions WHERE form_no = ? ORDER BY version DESC LIMIT 1", [form_no]
        ).fetchone()
        return Version(*row) if row else None

    def submitted_in_month(self, month: str) -> list[Version]:
        """Every version submitted in `YYYY-MM`, in order of submission."""
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
            raise ValueError(f"not a month: {month!r} (expected YYYY-MM)")
        rows = self.db.execute(
            f"SELECT {self._COLUMNS} FROM versions WHERE submitted_at LIKE ? ORDER BY submitted_at, id",
            [f"{month}-%"],
        ).fetchall()
        return [Version(*row) for row in rows]

    def cancelled_in_month(self, month: str) -> list[tuple[int, str]]:
        """(form number, time of cancellation) of every form cancelled in `YYYY-MM`, in order of cancellation."""
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
            raise ValueError(f"not a month: {month!r} (expected YYYY-MM)")
        rows = self.db.execute(
            "SELECT form_no, at FROM audit WHERE action = 'cancel' AND path = 'status' AND at LIKE ? ORDER BY at, id",
            [f"{month}-%"],
        ).fetchall()
        return [(int(row[0]), str(row[1])) for row in rows]

    def submissions_per_month(self, limit: int = 12) -> list[tuple[str, int]]:
        """(YYYY-MM, number of versions submitted) for the last `limit` months that have any, oldest first."""
        rows = self.db.execute(
            "SELECT substr(submitted_at, 1, 7) AS month, count(*) FROM versions "
            "GROUP BY month ORDER BY month DESC LIMIT ?",
            [limit],
        ).fetchall()
        return [(row[0], row[1]) for row in reversed(rows)]

    def status_events(self, form_no: int) -> list[dict[str, Any]]:
        """The audit rows of a form that changed its status (create, submit, cancel, import, delete)."""
        return list(self.db.query(
            "SELECT * FROM audit WHERE form_no = ? AND (path IS NULL OR path = 'status') ORDER BY id",
            [form_no],
        ))

    def first_edit_since_submission(self, form_no: int) -> str | None:
        """The time of the first edit after the latest submission, or None."""
        row = self.db.execute(
            "SELECT at FROM audit WHERE form_no = ? AND id > (SELECT coalesce(max(id), 0) FROM audit "
            f"WHERE form_no = ? AND action IN {SUBMISSION_ACTIONS}) ORDER BY id LIMIT 1",
            [form_no, form_no],
        ).fetchone()
        return row[0] if row else None

    # -- what is due (B4) ----------------------------------------------------------------------------------

    def unreported(self, limit: int = 200) -> list[Unreported]:
        """Forms with changes not yet submitted (drafts and changed forms), with the date their deadline runs
        from: the earliest unreported treatment, else (a changed form) the day of its first unsubmitted edit."""
        rows = self.db.execute(
            "SELECT form_no, status, cpr, name, document FROM forms WHERE status IN ('draft', 'changed') "
            "ORDER BY form_no LIMIT ?",
            [limit],
        ).fetchall()
        result = []
        for form_no, status, cpr, name, document in rows:
            form = Form.model_validate_json(document)
            since: date | None
            if status == "draft":
                since = earliest_unreported(form, None)
            else:
                latest = self.latest(form_no)
                since = earliest_unreported(form, latest.form() if latest else None)
                if since is None:
                    edited = parse_stored(self.first_edit_since_submission(form_no))
                    since = edited.date() if edited else None
            result.append(Unreported(form_no, status, cpr, name, since))
        return result

    # -- the audit log of one patient (access request) --------------------------------------------------

    def patient_form_numbers(self, cpr: str) -> list[int]:
        """Every form that holds or held this CPR, deleted drafts included (their audit rows stay)."""
        variants = cpr_variants(cpr)
        marks = ", ".join("?" for _ in variants)
        json_variants = [json.dumps(v) for v in variants]
        rows = self.db.execute(
            f"SELECT form_no FROM forms WHERE cpr IN ({marks}) "
            f"UNION SELECT form_no FROM audit WHERE path = 'patient.cpr' "
            f"AND (new_value IN ({marks}) OR old_value IN ({marks})) ORDER BY form_no",
            [*variants, *json_variants, *json_variants],
        ).fetchall()
        return [row[0] for row in rows]

    def patient_audit(self, cpr: str) -> list[dict[str, Any]]:
        """Every audit row of every form of this patient, oldest first."""
        numbers = self.patient_form_numbers(cpr)
        if not numbers:
            return []
        marks = ", ".join("?" for _ in numbers)
        return list(self.db.query(
            f"SELECT * FROM audit WHERE form_no IN ({marks}) ORDER BY at, id", numbers))


def versions_of(store: Store, clock: Clock | None = None) -> VersionStore:
    """The VersionStore over an opened `Store` (its forms and database)."""
    return VersionStore(store.db, store.forms, clock)


def cpr_variants(cpr: str) -> list[str]:
    """The ways one CPR may have been typed: `ddmmyyxxxx` and `ddmmyy-xxxx`."""
    text = cpr.strip()
    digits = text.replace("-", "")
    variants = {text, digits}
    if len(digits) == 10:
        variants.add(f"{digits[:6]}-{digits[6:]}")
    return sorted(variants)


# -- what is due (B4) ---------------------------------------------------------------------------------


def _treatment_rows(form: Form) -> Iterator[tuple[str, dict[str, Any], str | None]]:
    """(row id, dumped row, start time) of every contact and procedure that dates a treatment."""
    for contact in form.contacts:
        yield contact.id, contact.model_dump(exclude={"procedures"}), contact.start
        for procedure in contact.procedures:
            yield procedure.id, procedure.model_dump(), procedure.start
    for procedure in form.procedures:
        yield procedure.id, procedure.model_dump(), procedure.start


def earliest_unreported(current: Form, last: Form | None) -> date | None:
    """The earliest treatment date not yet reported: every treatment of a never-submitted form, else the
    contacts and procedures that are new or changed since the `last` submitted version."""
    reported = {} if last is None else {row_id: row for row_id, row, _ in _treatment_rows(last)}
    # A never-reported course is due from its start and markers too, also without any contact yet.
    days = course_dates(current) if last is None else []
    for row_id, row, start in _treatment_rows(current):
        if reported.get(row_id) == row:
            continue
        moment = parse_stored(start)
        if moment is not None:
            days.append(moment.date())
    return min(days) if days else None
