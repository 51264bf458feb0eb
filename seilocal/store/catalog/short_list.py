"""The whole of a short named list (frit valg, prioritet, sideangivelse …), for a drop-down that shows every option.

A list is short when at most `limit` codes of the catalog are its members at the given day. Members given by
prefix ("ALDB" stands for every ALDB code) are expanded through the code index, and each member stops reading
after limit + 1 codes, so asking about a long list (diagnoses: prefix "D") costs a few index steps, not a scan.
"""

from __future__ import annotations

from datetime import date
from weakref import WeakKeyDictionary

from .common import generation
from .schema import CODES, LISTS
from .search import CatalogStore, CodeHit

SHORT_LIST = 30  # up to this many options a field opens with all of them; longer lists are searched


_VALID = (" AND (:at IS NULL OR ((valid_from IS NULL OR valid_from <= :at)"
          " AND (valid_to IS NULL OR valid_to >= :at)))")


def _valid(valid_from: str | None, valid_to: str | None, at: str | None) -> bool:
    return at is None or ((valid_from is None or valid_from <= at) and (valid_to is None or valid_to >= at))


# Per catalog: its state (generation in this process, SQLite's data_version for other connections) and the
# answers given in that state. Every form page asks the same ten short lists (issue 23: ~10-20 ms of each open).
_ANSWERS: WeakKeyDictionary[CatalogStore, tuple[tuple[int, int], dict[tuple[str, date | None, int],
                                                                      list[CodeHit] | None]]] = WeakKeyDictionary()


def short_list(catalog: CatalogStore, list_name: str, *, at: date | None = None,
               limit: int = SHORT_LIST) -> list[CodeHit] | None:
    """Every code of the list valid at `at` (or ever, when None), by code; None when more than `limit` or unknown."""
    state = (generation(), int(catalog.db.conn.execute("PRAGMA data_version").fetchone()[0]))
    entry = _ANSWERS.get(catalog)
    if entry is None or entry[0] != state:
        entry = _ANSWERS[catalog] = (state, {})
    key = (list_name, at, limit)
    if key not in entry[1]:
        entry[1][key] = _short_list(catalog, list_name, at, limit)
    hits = entry[1][key]
    return None if hits is None else list(hits)


def _short_list(catalog: CatalogStore, list_name: str, at: date | None, limit: int) -> list[CodeHit] | None:
    conn = catalog.db.conn
    at_iso = None if at is None else at.isoformat()
    members = conn.execute(
        f"SELECT member, match, valid_from, valid_to FROM {LISTS} WHERE list_name = ?", (list_name,)
    ).fetchall()
    if not members:
        return None
    found: dict[str, CodeHit] = {}
    for member, match, member_from, member_to in members:
        if not _valid(member_from, member_to, at_iso):
            continue
        hi = member + "\U0010ffff" if match == "prefix" else member + "\x00"
        # The distinct codes first (limit + 1 at most, valid at `at`), then their periods, latest first.
        rows = conn.execute(
            f"SELECT code, text, valid_from, valid_to FROM {CODES} WHERE code IN ("
            f"SELECT DISTINCT code FROM {CODES} WHERE code >= :lo AND code < :hi {_VALID} ORDER BY code LIMIT :n)"
            f" {_VALID} ORDER BY code, valid_from IS NULL, valid_from DESC",
            {"lo": member, "hi": hi, "at": at_iso, "n": limit + 1}).fetchall()
        for code, text, valid_from, valid_to in rows:
            found.setdefault(code, CodeHit(code, text, _day(valid_from), _day(valid_to)))
        if len(found) > limit:
            return None
    return [found[code] for code in sorted(found)]


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)
