"""Queries of the forms list: a search that ignores case for æ, ø, å too, the date each unsubmitted form's
reporting deadline runs from (F3, B4), and whether the bundled starter catalog is still in use."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date
from typing import Any

from sqlite_utils import Database

from seilocal.model import Form
from seilocal.model.datetime_input import parse_stored

from .catalog.schema import CODES, SOR
from .forms import _UUID_PART, FILTER_COLUMNS, FormStore, FormSummary, _prefix_range, _search_clause
from .versions import VersionStore, earliest_unreported

# SQLite's LIKE ignores case for ASCII letters only: the capitals it misses are folded in SQL (C code, no Python
# per row), the typed text in Python. Letters beyond these stay case-sensitive.
_FOLD = (("Æ", "æ"), ("Ø", "ø"), ("Å", "å"), ("Ä", "ä"), ("Ö", "ö"), ("Ü", "ü"), ("É", "é"))
_FOLDED_NAME = "name"
for _upper, _lower in _FOLD:
    _FOLDED_NAME = f"replace({_FOLDED_NAME}, '{_upper}', '{_lower}')"
_NAME_CLAUSE = f"{_FOLDED_NAME} LIKE ? ESCAPE '\\'"


def fold_text(text: str) -> str:
    """The typed text as the name search compares it: lower case, LIKE's wildcards taken literally."""
    lowered = text.lower()
    return lowered.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _clause(needle: str) -> tuple[str, list[Any]]:
    """The WHERE clause of the search box: numbers and forløbsIDs as FormStore.search, names folded."""
    if needle.replace("-", "").isdigit():
        return _search_clause(needle)  # CPR, form number, forløbsID prefix: index look-ups
    pattern = f"%{fold_text(needle)}%"
    if _UUID_PART.fullmatch(needle) and any(c in "abcdefABCDEF-" for c in needle):
        low, high = _prefix_range(needle.lower())
        return f"((course_id >= ? AND course_id < ?) OR {_NAME_CLAUSE})", [low, high, pattern]
    return _NAME_CLAUSE, [pattern]


def list_forms(
    forms: FormStore,
    text: str = "",
    filters: dict[str, str] | None = None,
    *,
    only: Collection[int] | None = None,
    without: Collection[int] | None = None,
    limit: int = 200,
) -> list[FormSummary]:
    """The forms list: search text and column filters as FormStore.search, narrowed to `only` / not `without`."""
    where: list[str] = []
    params: list[Any] = []
    needle = text.strip()
    if needle:
        clause, clause_params = _clause(needle)
        where.append(f"({clause})")
        params += clause_params
    for column, value in (filters or {}).items():
        if column not in FILTER_COLUMNS or not value:
            continue
        if column in ("course_start", "course_end"):
            where.append(f"({column} >= ? AND {column} < ?)")  # a date filter: a prefix of the stored time
            params += list(_prefix_range(value))
        else:
            where.append(f"+{column} = ?")  # unary +: keep SQLite on the search's own index ranges
            params.append(value)
    if only is not None:
        where.append("form_no IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(only)))
    if without:
        where.append("form_no NOT IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(without)))
    sql = (
        "SELECT form_no, course_id, status, cpr, name, course_start, course_end, start_marker, "
        "responsible_unit, changed_at FROM forms"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    order = "form_no DESC"
    if needle.isdigit() and len(needle) < 19:
        order = "(form_no = ?) DESC, " + order  # the form with that number first
        params.append(int(needle))
    sql += f" ORDER BY {order} LIMIT ?"
    params.append(limit)
    return [FormSummary(*row) for row in forms.db.execute(sql, params).fetchall()]


class UnreportedSince:
    """Per unsubmitted form (draft or changed), the date its reporting deadline runs from, or None.

    Worked out as the deadline view does (VersionStore.unreported), but kept per form and revision, so a
    refresh of the list reads again only the forms that changed since.
    """

    def __init__(self, db: Database, forms: FormStore) -> None:
        self.db = db
        self.versions = VersionStore(db, forms)
        self._known: dict[int, tuple[int, date | None]] = {}

    def all(self) -> dict[int, date | None]:
        """{form number: the date its deadline runs from (None: no treatment registered yet)}."""
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
