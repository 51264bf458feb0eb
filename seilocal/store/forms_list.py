"""Queries of the forms list: its search (`FormStore.search`, built in `forms_query.py`), the date each
unsubmitted form's reporting deadline runs from (F3, B4), and whether the bundled starter catalog is still in use."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlite_utils import Database

from seilocal.model import Form
from seilocal.model.datetime_input import parse_stored

from .catalog.schema import CODES, SOR
from .forms import FormStore, FormSummary
from .forms_query import FormSet
from .versions import VersionStore, earliest_unreported

__all__ = ["FormSet", "UnreportedSince", "list_forms", "official_catalog"]


def list_forms(
    forms: FormStore,
    text: str = "",
    filters: dict[str, str] | None = None,
    *,
    only: FormSet | None = None,
    without: FormSet | None = None,
    limit: int = 200,
) -> list[FormSummary]:
    """The forms list: `FormStore.search` (one query builder, `forms_query.py`), narrowed to `only` / not
    `without`."""
    return forms.search(text, filters, limit, only=only, without=without)


class UnreportedSince:
    """Per unsubmitted form (draft or changed), the date its reporting deadline runs from, or None.

    Worked out as the deadline view does (VersionStore.unreported), but kept per form and revision, so a
    refresh of the list reads again only the forms that changed since.
    """

    def __init__(self, db: Database, forms: FormStore) -> None:
        self.db = db
        self.versions = VersionStore(db, forms)
        self._known: dict[int, tuple[int, date | None]] = {}
        self._stamp: tuple[Any, ...] | None = None
        self._result: dict[int, date | None] = {}

    @property
    def stamp(self) -> tuple[Any, ...] | None:
        """What the last answer of `all` was read at: equal stamps, equal answers."""
        return self._stamp

    def _current_stamp(self) -> tuple[Any, ...]:
        # Every write of a form (edit, submission, import, status change, deletion) adds an audit row, and a new
        # form a new number. Both are one index look-up, so an unchanged list costs next to nothing.
        row = self.db.execute("SELECT (SELECT max(id) FROM audit), (SELECT max(form_no) FROM forms)").fetchone()
        return tuple(row)

    def all(self) -> dict[int, date | None]:
        """{form number: the date its deadline runs from (None: no treatment registered yet)}; do not change it.

        The same dict comes back while nothing was written, so a caller may keep what it derived from it.
        """
        stamp = self._current_stamp()
        if stamp == self._stamp:
            return self._result
        rows = self.db.execute(
            "SELECT form_no, revision, status FROM forms WHERE status IN ('draft', 'changed')"
        ).fetchall()
        result: dict[int, date | None] = {}
        for form_no, revision, status in rows:
            known = self._known.get(form_no)
            if known is None or known[0] != revision:
                document = self.versions.forms.document_json(form_no)
                known = (revision, self._since(form_no, status, Form.model_validate_json(document)))
                self._known[form_no] = known
            result[form_no] = known[1]
        for gone in set(self._known) - set(result):
            del self._known[gone]
        self._stamp, self._result = stamp, result
        return result

    def _since(self, form_no: int, status: str, form: Form) -> date | None:
        if status == "draft":
            return earliest_unreported(form, None)
        latest = self.versions.latest(form_no)
        since = earliest_unreported(form, latest.form() if latest else None)
        if since is None:  # only fields changed: the deadline runs from the first edit after the submission
            edited = parse_stored(self.versions.first_edit_since_submission(form_no))
            since = edited.date() if edited else None
        return since


def official_catalog(db: Database) -> tuple[bool, bool]:
    """Whether an official SKS import and an official SOR import have been loaded (False: starter rows only)."""
    sks = db.execute(f"SELECT EXISTS (SELECT 1 FROM {CODES} WHERE source = 'sks')").fetchone()[0]
    sor = db.execute(f"SELECT EXISTS (SELECT 1 FROM {SOR} WHERE source = 'sor')").fetchone()[0]
    return bool(sks), bool(sor)
