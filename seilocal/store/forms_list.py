"""Queries of the forms list: a search that ignores case for æ, ø, å too, the date each unsubmitted form's
reporting deadline runs from (F3, B4), and whether the bundled starter catalog is still in use."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from seilocal.model import Form
from seilocal.model.datetime_input import parse_stored

from .catalog.schema import CODES, SOR
from .forms import _UUID_PART, FILTER_COLUMNS, FormStore, FormSummary, _prefix_range, _search_clause
from .versions import VersionStore, earliest_unreported

# SQLite's LIKE ignores case for ASCII letters only: a capital it misses is folded in SQL (C code, no Python per
# row) when the typed text holds that letter, the typed text in Python. Other letters stay case-sensitive.
_FOLD = {"æ": "Æ", "ø": "Ø", "å": "Å", "ä": "Ä", "ö": "Ö", "ü": "Ü", "é": "É"}


def _name_clause(folded: str) -> str:
    """`name LIKE ?`, with a replace() only for each non-ASCII letter the typed text holds (each costs a scan)."""
    column = "name"
    for lower, upper in _FOLD.items():
        if lower in folded:
            column = f"replace({column}, '{upper}', '{lower}')"
    return f"{column} LIKE ? ESCAPE '\\'"


def fold_text(text: str) -> str:
    """The typed text as the name search compares it: lower case, LIKE's wildcards taken literally."""
    lowered = text.lower()
    return lowered.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _is_indexed(needle: str) -> bool:
    """Whether the search is a number or forløbsID look-up (index ranges), not a name scan."""
    return needle.replace("-", "").isdigit() or bool(
        _UUID_PART.fullmatch(needle) and any(c in "abcdefABCDEF-" for c in needle))


def _clause(needle: str) -> tuple[str, list[Any]]:
    """The WHERE clause of the search box: numbers and forløbsIDs as FormStore.search, names folded."""
    if needle.replace("-", "").isdigit():
        return _search_clause(needle)  # CPR, form number, forløbsID prefix: index look-ups
    folded = fold_text(needle)
    pattern, name = f"%{folded}%", _name_clause(folded)
    if _UUID_PART.fullmatch(needle) and any(c in "abcdefABCDEF-" for c in needle):
        low, high = _prefix_range(needle.lower())
        return f"((course_id >= ? AND course_id < ?) OR {name})", [low, high, pattern]
    return name, [pattern]


@dataclass(frozen=True)
class FormSet:
    """A set of form numbers as the list query takes it (made once, used for many refreshes)."""

    numbers: frozenset[int]
    json: str

    @classmethod
    def of(cls, numbers: Collection[int]) -> FormSet:
        """The set of these form numbers."""
        unique = frozenset(numbers)
        return cls(unique, json.dumps(sorted(unique)))


def list_forms(
    forms: FormStore,
    text: str = "",
    filters: dict[str, str] | None = None,
    *,
    only: FormSet | None = None,
    without: FormSet | None = None,
    limit: int = 200,
) -> list[FormSummary]:
    """The forms list: search text and column filters as FormStore.search, narrowed to `only` / not `without`."""
    where: list[str] = []
    params: list[Any] = []
    needle = text.strip()
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
        # A number or forløbsID search has index ranges: they lead and the set is only checked (+). Otherwise
        # the set leads (a name is compared on its forms only).
        indexed = bool(needle) and _is_indexed(needle)
        where.append(f"{'+' if indexed else ''}form_no IN (SELECT value FROM json_each(?))")
        params.append(only.json)
    if without is not None and without.numbers:
        where.append("form_no NOT IN (SELECT value FROM json_each(?))")
        params.append(without.json)
    if needle:  # after the filters: a name is compared only on the rows the cheap terms let through
        clause, clause_params = _clause(needle)
        where.append(f"({clause})")
        params += clause_params
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
