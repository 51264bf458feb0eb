"""The one query of the forms list (F3) and `FormStore.search`: search text, column filters and sets of form
numbers made into SQL over the `forms` table, each kind of input an index look-up where one can serve it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

# Columns the list filters on (copies of document values kept in the forms table by `FormStore`).
FILTER_COLUMNS = ("status", "course_start", "course_end", "start_marker", "responsible_unit")

# The columns of a `FormSummary`, in its order.
SUMMARY_SELECT = (
    "SELECT form_no, course_id, status, cpr, name, course_start, course_end, start_marker, "
    "responsible_unit, changed_at FROM forms"
)

_UUID_PART = re.compile(r"[0-9a-fA-F-]{4,36}")

# SQLite's LIKE ignores case for ASCII letters only: a capital it misses is folded in SQL (C code, no Python per
# row) when the typed text holds that letter, the typed text in Python. Other letters stay case-sensitive.
_FOLD = {"æ": "Æ", "ø": "Ø", "å": "Å", "ä": "Ä", "ö": "Ö", "ü": "Ü", "é": "É"}


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


def prefix_range(prefix: str) -> tuple[str, str]:
    """[low, high) bounds of every text that starts with `prefix`: an index range, unlike LIKE 'x%'."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def fold_text(text: str) -> str:
    """The typed text as the name search compares it: lower case, LIKE's wildcards taken literally."""
    lowered = text.lower()
    return lowered.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _name_clause(folded: str) -> str:
    """`name LIKE ?`, with a replace() only for each non-ASCII letter the typed text holds (each costs a scan)."""
    column = "name"
    for lower, upper in _FOLD.items():
        if lower in folded:
            column = f"replace({column}, '{upper}', '{lower}')"
    return f"{column} LIKE ? ESCAPE '\\'"


def _is_number(needle: str) -> bool:
    return needle.replace("-", "").isdigit()


def _is_course_id_part(needle: str) -> bool:
    return bool(_UUID_PART.fullmatch(needle) and any(c in "abcdefABCDEF-" for c in needle))


def search_clause(needle: str) -> tuple[str, list[Any]]:
    """The WHERE clause of the search box, chosen so each kind of input is an index look-up.

    Digits (a CPR with or without its hyphen, or a form number) match a CPR prefix or the form number;
    a piece of a UUID matches a forløbsID prefix (or a name); anything else is a name (contains, any case).
    """
    if _is_number(needle):
        digits = needle.replace("-", "")
        low, high = prefix_range(digits)
        hyphenated = f"{digits[:6]}-{digits[6:]}" if len(digits) > 6 else digits
        low2, high2 = prefix_range(hyphenated)
        clause = "(cpr >= ? AND cpr < ?) OR (cpr >= ? AND cpr < ?) OR form_no = ?"
        params: list[Any] = [low, high, low2, high2, int(digits)]
        if len(digits) == 4:
            # The last four digits of a CPR, as practitioners say them: no index serves them, but four digits
            # are typed only for this (or a form number, which the clause has already).
            clause += " OR substr(cpr, -4) = ?"
            params.append(digits)
        if len(needle) >= 4:  # a forløbsID can begin with digits only
            id_low, id_high = prefix_range(needle.lower())
            clause += " OR (course_id >= ? AND course_id < ?)"
            params += [id_low, id_high]
        return f"({clause})", params
    folded = fold_text(needle)
    pattern, name = f"%{folded}%", _name_clause(folded)
    if _is_course_id_part(needle):
        low, high = prefix_range(needle.lower())
        return f"((course_id >= ? AND course_id < ?) OR {name})", [low, high, pattern]
    return name, [pattern]


def forms_query(text: str = "", filters: dict[str, str] | None = None, *, only: FormSet | None = None,
                without: FormSet | None = None, limit: int = 200) -> tuple[str, list[Any]]:
    """(SQL, parameters) of the forms whose summary rows match: search text, column filters, narrowed to `only`
    and not `without`; newest first, the form whose number was typed before all."""
    where: list[str] = []
    params: list[Any] = []
    needle = text.strip()
    for column, value in (filters or {}).items():
        if column not in FILTER_COLUMNS or not value:
            continue
        if column in ("course_start", "course_end"):
            where.append(f"({column} >= ? AND {column} < ?)")  # a date filter: a prefix of the stored time
            params += list(prefix_range(value))
        else:
            # Unary + keeps SQLite from choosing a low-selectivity filter index (4 statuses, a few markers)
            # over the search's own index ranges.
            where.append(f"+{column} = ?")
            params.append(value)
    if only is not None:
        # A number or forløbsID search has index ranges: they lead and the set is only checked (+). Otherwise
        # the set leads (a name is compared on its forms only).
        indexed = bool(needle) and (_is_number(needle) or _is_course_id_part(needle))
        where.append(f"{'+' if indexed else ''}form_no IN (SELECT value FROM json_each(?))")
        params.append(only.json)
    if without is not None and without.numbers:
        where.append("form_no NOT IN (SELECT value FROM json_each(?))")
        params.append(without.json)
    if needle:  # after the filters: a name is compared only on the rows the cheap terms let through
        clause, clause_params = search_clause(needle)
        where.append(f"({clause})")
        params += clause_params
    sql = SUMMARY_SELECT
    if where:
        sql += " WHERE " + " AND ".join(where)
    order = "form_no DESC"
    if needle.isdigit() and len(needle) < 19:
        order = "(form_no = ?) DESC, " + order  # the form with that number first, then partial matches
        params.append(int(needle))
    sql += f" ORDER BY {order} LIMIT ?"
    params.append(limit)
    return sql, params
