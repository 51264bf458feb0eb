"""Reading the catalog: type-ahead search over SKS codes and SOR units, and the rules' CodeCatalog questions.

Search ranks an exact code first, then codes that start with the input, then text hits. Two modes:
"prefix" (begynder med: the code or a word of the text starts with the input) and "contains"
(indeholder: the input is a substring of the code or the text). Every tier is capped by LIMIT inside
SQLite and ordered by an index, so a broad one-letter query costs no more than a narrow one.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, NamedTuple, TypeVar

from sqlite_utils import Database

from seilocal.rules.catalog import RetiredCode

from . import sor_search
from .common import fold, generation, optional_date
from .derive import MEMBER_UNTIL, RECORD_TYPE_LISTS
from .former import former_starter_codes
from .schema import CODES, GRAMS_FTS, LIST_EVIDENCE, LIST_IMPORTS, LISTS, WORDS_FTS, get_meta
from .sor_search import SorUnit as SorUnit  # re-exported: the catalog package names it
from .sor_search import is_psychiatric

Mode = Literal["prefix", "contains"]

SMALL_LIST = 5000  # a list of up to this many plain codes is searched in Python after one indexed join
MAX_ANSWERS = 200_000  # cached rule answers per kind; one per (list, code, date) could otherwise grow for ever
_COLS = "c.id, c.code, c.text, c.valid_from, c.valid_to"
# Letters and digits only: FTS5's tokenizer splits at "_" too, and a split word becomes an unsupported phrase.
_WORD = re.compile(r"[^\W_]+")
_GLOB_SPECIAL = re.compile(r"[*?\[\]]")


class CodeHit(NamedTuple):
    """One SKS code (one validity period of it) as the search returns it."""

    code: str
    text: str
    valid_from: date | None
    valid_to: date | None



def _valid_sql(alias: str) -> str:
    # valid_to is the last valid day (LPR3 rules reject a start *after* gyldigTilDato).
    return (
        f" AND ({alias}.valid_from IS NULL OR {alias}.valid_from <= :at)"
        f" AND ({alias}.valid_to IS NULL OR {alias}.valid_to >= :at)"
    )


# Two EXISTS, not one with OR: each is an index lookup on (list_name, match, member). A list derived from SKS
# holds tens of thousands of plain codes; an OR over both kinds made SQLite scan them for every candidate row.
_MEMBER_VALID = (
    " AND (:at IS NULL OR ((m.valid_from IS NULL OR m.valid_from <= :at)"
    " AND (m.valid_to IS NULL OR m.valid_to >= :at)))"
)


def _list_sql(names: int) -> str:
    """The list condition of the search for `names` list names (parameters :list0, :list1, ...)."""
    which = "m.list_name = :list0" if names == 1 else (
        "m.list_name IN (" + ", ".join(f":list{i}" for i in range(names)) + ")")
    return (
        f" AND (EXISTS (SELECT 1 FROM {LISTS} m WHERE {which} AND m.match = 'code' AND m.member = c.code"
        f"{_MEMBER_VALID})"
        f" OR EXISTS (SELECT 1 FROM {LISTS} m WHERE {which} AND m.match = 'prefix'"
        f" AND substr(c.code, 1, length(m.member)) = m.member{_MEMBER_VALID}))"
    )


# A field may search a group of lists: "proc" (the header of the procedure lists) is every procedure code.
LIST_GROUPS: dict[str, tuple[str, ...]] = {"proc": ("proc.act", "proc.opr", "proc.und")}



@dataclass
class _ListMembers:
    """A named list in memory: exact members by code, and prefix members, each with their validity."""

    codes: dict[str, tuple[tuple[str | None, str | None], ...]]
    prefixes: list[tuple[str, str | None, str | None]]

    @classmethod
    def of(cls, rows: list[tuple[str, str, str | None, str | None]]) -> _ListMembers:
        codes: dict[str, list[tuple[str | None, str | None]]] = {}
        prefixes = []
        for member, match, valid_from, valid_to in rows:
            if match == "code":
                codes.setdefault(member, []).append((valid_from, valid_to))
            else:
                prefixes.append((member, valid_from, valid_to))
        # Tuples, not lists: the collector stops tracking a tuple of strings, so the ~50,000 members of the big
        # lists (diag, proc.*) no longer lengthen every full collection while a 1,000-contact form is validated.
        return cls({code: tuple(periods) for code, periods in codes.items()}, prefixes)

    @property
    def empty(self) -> bool:
        return not self.codes and not self.prefixes

    def contains(self, code: str, at: str | None) -> bool:
        def valid(valid_from: str | None, valid_to: str | None) -> bool:
            return at is None or ((valid_from is None or valid_from <= at) and (valid_to is None or valid_to >= at))

        if any(valid(f, t) for f, t in self.codes.get(code, ())):
            return True
        return any(code.startswith(p) and valid(f, t) for p, f, t in self.prefixes)

    def periods_of(self, code: str) -> list[tuple[str | None, str | None]]:
        """The membership intervals (ISO dates, None = open) of a code, exact and by prefix."""
        return list(self.codes.get(code, ())) + [(f, t) for p, f, t in self.prefixes if code.startswith(p)]


class CatalogStore:
    """The code catalog over one sqlite-utils Database; implements the rules' CodeCatalog Protocol."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._sql_cache: dict[tuple[object, ...], str] = {}
        # Answers for the rules, which ask the same questions thousands of times per validation.
        self._periods: dict[str, list[CodeHit]] = {}
        self._lists: dict[str, _ListMembers] = {}
        self._authoritative: dict[str, bool] = {}
        self._by_record_type: dict[str, str] = {}
        self._small: dict[str, bool] = {}
        # The rules' questions themselves, per (list, code, date) and (code, date): the app validates the same
        # form again after every edit, and a big form asks about the same few codes on many days.
        self._in_list: dict[tuple[str, str, date | None], bool] = {}
        self._valid: dict[tuple[str, date | None], bool | None] = {}
        self._sor_valid: dict[tuple[str, date | None], bool | None] = {}
        self._seen_generation = -1
        self._seen_data_version = -1
        self._checked_at = 0.0

    def _fresh(self) -> None:
        """Drop the caches when the catalog changed: in this process at once, in another within 0.5 s."""
        now = time.monotonic()
        current = generation()
        if current == self._seen_generation and now - self._checked_at < 0.5:
            return
        data_version = self.db.conn.execute("PRAGMA data_version").fetchone()[0]
        if current != self._seen_generation or data_version != self._seen_data_version:
            for cache in (self._periods, self._lists, self._authoritative, self._in_list, self._valid, self._sor_valid,
                          self._by_record_type, self._small):
                cache.clear()
        self._seen_generation, self._seen_data_version, self._checked_at = current, data_version, now

    def stamp(self) -> tuple[int, int]:
        """A value that changes whenever the catalog may have (an import here or in another process): answers
        kept from before it changed (the incremental validator's findings) are then stale."""
        return generation(), int(self.db.conn.execute("PRAGMA data_version").fetchone()[0])

    # -- type-ahead search -------------------------------------------------------------------------

    def search(
        self,
        text: str,
        *,
        list_name: str | None = None,
        mode: Mode = "prefix",
        at: date | None = None,
        limit: int = 20,
    ) -> list[CodeHit]:
        """Codes matching typed text, best first: exact code, code prefix, then text; one hit per code."""
        query = fold(text.strip())
        if list_name is not None:
            if self._is_small_list(list_name):
                return self._search_small_list(list_name, query, mode, at, limit)
        if not query:
            return []
        plan = self.plan(query, list_name=list_name, mode=mode, at=at, limit=limit)
        if plan is None:
            return []
        rows = self.db.conn.execute(*plan).fetchall()
        return _best_per_code(rows, limit)

    def plan(
        self, query: str, *, list_name: str | None, mode: Mode, at: date | None, limit: int
    ) -> tuple[str, dict[str, object]] | None:
        """The one SQL statement (and its parameters) that `search` runs for a folded, non-empty query."""
        words = _WORD.findall(query)
        if mode == "prefix":
            text_tier = "words" if words else None
        else:
            # GLOB specials in the input would change the pattern: such rare input takes the scan.
            text_tier = "grams" if len(query) >= 3 and not _GLOB_SPECIAL.search(query) else "scan"
        names = () if list_name is None else LIST_GROUPS.get(list_name, (list_name,))
        types = self._record_types(names)
        params: dict[str, object] = {
            "q": query,
            "hi": query + "\U0010ffff",
            "n": limit,
            "at": None if at is None else at.isoformat(),
        }
        params.update({f"list{i}": name for i, name in enumerate(names)})
        if text_tier == "words":
            params["m"] = " AND ".join(f'"{word}"*' for word in words)
        elif text_tier == "grams":
            params["m"] = f"*{query}*"
        if types:
            # Lists that are an SKS record type (derived, not imported): a column test on an index, no list join.
            params.update({f"rt{i}": record_type for i, record_type in enumerate(types)})
            type_key: tuple[object, ...] = (text_tier, at is not None, -len(types), "dia" in types)
            sql = self._sql_cache.get(type_key)
            if sql is None:
                sql = self._sql_cache[type_key] = _build_sql(
                    text_tier, at is not None, 0, record_types=len(types), headings="dia" in types)
            return sql, params
        key = (text_tier, at is not None, len(names))
        sql = self._sql_cache.get(key)
        if sql is None:
            sql = self._sql_cache[key] = _build_sql(text_tier, at is not None, len(names))
        return sql, params

    def _record_types(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """The SKS record types the lists are, when every one is derived by record type; else ()."""
        if not names:
            return ()
        self._fresh()
        types = []
        for name in names:
            cached = self._by_record_type.get(name)
            if cached is None:
                row = self.db.conn.execute(
                    f"SELECT evidence FROM {LIST_EVIDENCE} WHERE list_name = ? AND list_name NOT IN "
                    f"(SELECT list_name FROM {LIST_IMPORTS})", (name,)).fetchone()
                spec = RECORD_TYPE_LISTS.get(name)
                cached = spec[0] if row is not None and spec is not None and row[0].startswith("SKS-posttype") else ""
                self._by_record_type[name] = cached
            if not cached:
                return ()
            types.append(cached)
        return tuple(types)

    def _is_small_list(self, list_name: str) -> bool:
        """True for a known list made only of plain codes and small enough to filter in Python."""
        self._fresh()
        answer = self._small.get(list_name)
        if answer is None:
            # Counting stops after SMALL_LIST + 1 rows: a list derived from SKS can hold 25,000 codes.
            prefix = self.db.conn.execute(
                f"SELECT 1 FROM {LISTS} WHERE list_name = ? AND match = 'prefix' LIMIT 1", (list_name,)).fetchone()
            codes = self.db.conn.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {LISTS} WHERE list_name = ? AND match = 'code' LIMIT ?)",
                (list_name, SMALL_LIST + 1)).fetchone()[0]
            answer = self._small[list_name] = prefix is None and 0 < codes <= SMALL_LIST
        return answer

    def _search_small_list(
        self, list_name: str, query: str, mode: Mode, at: date | None, limit: int
    ) -> list[CodeHit]:
        at_iso = None if at is None else at.isoformat()
        sql = (
            f"SELECT {_COLS}, c.code_key, c.text_key FROM {LISTS} m JOIN {CODES} c ON c.code = m.member"
            " WHERE m.list_name = :list AND m.match = 'code'"
            " AND (:at IS NULL OR ((m.valid_from IS NULL OR m.valid_from <= :at)"
            " AND (m.valid_to IS NULL OR m.valid_to >= :at)"
            " AND (c.valid_from IS NULL OR c.valid_from <= :at)"
            " AND (c.valid_to IS NULL OR c.valid_to >= :at)))"
        )
        rows = self.db.conn.execute(sql, {"list": list_name, "at": at_iso}).fetchall()
        text_hit: Callable[[str], bool] = lambda _text_key: False  # noqa: E731 - no query: nothing to match
        if query:
            if mode == "prefix":
                word_start = re.compile(r"(?<!\w)" + re.escape(query))
                text_hit = lambda text_key: word_start.search(text_key) is not None  # noqa: E731
            else:
                text_hit = lambda text_key: query in text_key  # noqa: E731
        ranked = []
        for row in rows:
            code_key, text_key = row[5], row[6]
            if not query:
                tier = 2
            elif code_key == query:
                tier = 0
            elif code_key.startswith(query):
                tier = 1
            elif (mode == "contains" and query in code_key) or text_hit(text_key):
                # A text that starts with the input first: "udred" finds "Udredning start" (AFV01B) before the
                # many "Brystkræft: udredning start ..." of the same list.
                tier = 2 if text_key.startswith(query) else 3
            else:
                continue
            ranked.append((tier, code_key, *row[:5]))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return _best_per_code([(r[0], *r[2:]) for r in ranked], limit)

    # -- single codes and the CodeCatalog Protocol -------------------------------------------------

    def get(self, code: str, at: date | None = None) -> CodeHit | None:
        """The code's period valid at `at` (or its latest period when `at` is None), or None."""
        for hit in self.periods(code):
            if at is None or _covers(hit, at):
                return hit
        return None

    def periods(self, code: str) -> list[CodeHit]:
        """Every validity period of a code, latest first."""
        self._fresh()
        cached = self._periods.get(code)
        if cached is None:
            rows = self.db.conn.execute(
                f"SELECT code, text, valid_from, valid_to FROM {CODES} WHERE code = ? "
                "ORDER BY valid_from IS NULL, valid_from DESC",
                (code,),
            ).fetchall()
            cached = self._periods[code] = [CodeHit(r[0], r[1], optional_date(r[2]), optional_date(r[3])) for r in rows]
        return cached

    def _members(self, list_name: str) -> _ListMembers:
        self._fresh()
        members = self._lists.get(list_name)
        if members is None:
            rows = self.db.conn.execute(
                f"SELECT member, match, valid_from, valid_to FROM {LISTS} WHERE list_name = ?", (list_name,)
            ).fetchall()
            members = self._lists[list_name] = _ListMembers.of(rows)
        return members

    def knows_list(self, list_name: str) -> bool:
        """True when the catalog holds members of this named list."""
        return not self._members(list_name).empty

    def is_authoritative(self, list_name: str) -> bool:
        """True when no member row of the list is an unverified starter row (the rules' CodeCatalog Protocol)."""
        self._fresh()
        answer = self._authoritative.get(list_name)
        if answer is None:
            answer = self._authoritative[list_name] = (
                self.db.conn.execute(
                    f"SELECT 1 FROM {LISTS} WHERE list_name = ? AND source = 'starter' AND verified = 0 LIMIT 1",
                    (list_name,),
                ).fetchone()
                is None
            )
        return answer

    def in_list(self, list_name: str, code: str, at: date | None = None) -> bool:
        """True when `code` is in the list at `at`; a code the catalog knows must also be valid then."""
        self._fresh()
        key = (list_name, code, at)
        answer = self._in_list.get(key)
        if answer is None:
            answer = self._members(list_name).contains(code, None if at is None else at.isoformat()) and (
                self.is_valid(code, at) is not False
            )
            _remember(self._in_list, key, answer)
        return answer

    def in_list_during(self, list_name: str, code: str, start: date, end: date) -> bool:
        """True when the code is a member at some day of [start, end] on which it is also SKS-valid."""
        self._fresh()
        lo, hi = start.isoformat(), end.isoformat()
        code_periods = [
            (None if f is None else f.isoformat(), None if t is None else t.isoformat())
            for f, t in (self.validity(code) or ((None, None),))
        ]
        for member_from, member_to in self._members(list_name).periods_of(code):
            for code_from, code_to in code_periods:
                first = max(x for x in (lo, member_from, code_from) if x is not None)
                last = min(x for x in (hi, member_to, code_to) if x is not None)
                if first <= last:
                    return True
        return False

    def validity(self, code: str) -> tuple[tuple[date | None, date | None], ...] | None:
        """Every validity interval of an SKS code (first day, last day; None = open); None when unknown."""
        hits = self.periods(code)
        return None if not hits else tuple((hit.valid_from, hit.valid_to) for hit in hits)

    def is_valid(self, code: str, at: date | None = None) -> bool | None:
        """True when the code exists (and is valid at `at`, when given); None when the code is unknown."""
        self._fresh()
        key = (code, at)
        answer = self._valid.get(key, _MISS)
        if answer is _MISS:
            hits = self.periods(code)
            answer = None if not hits else at is None or any(_covers(hit, at) for hit in hits)
            _remember(self._valid, key, answer)
        return answer  # type: ignore[return-value]

    def retired(self, code: str, today: date) -> RetiredCode | None:
        """The code with its last known text when the catalog has evidence that SKS retired it before `today`.

        Evidence: an imported SKScomplete.txt whose periods of the code all ended; for the bundled catalog (no
        dates), the dated extract behind a derived list (`MEMBER_UNTIL`); for a code SKS 2026-06 does not know,
        our former starter catalog's text. Anything else is not retired as far as the catalog can tell (the
        bundled catalog still holds codes SKS retired before 2026, without saying so).
        """
        hits = self.periods(code)
        if not hits:
            former = former_starter_codes().get(code)
            return None if former is None else RetiredCode(code, former, None, "former_starter")
        ends = [hit.valid_to for hit in hits]
        closed = [end for end in ends if end is not None]
        if len(closed) == len(ends):
            last = max(hits, key=lambda hit: hit.valid_to or date.min)
            return RetiredCode(code, last.text, last.valid_to, "sks") if last.valid_to and last.valid_to < today \
                else None
        until = MEMBER_UNTIL.get(code)
        if until is not None and not closed and date.fromisoformat(until) < today:
            return RetiredCode(code, hits[0].text, date.fromisoformat(until), "sks_extract")
        return None

    def text(self, code: str) -> str | None:
        """The Danish text of the code's latest period, or None."""
        hit = self.get(code)
        return None if hit is None else hit.text

    def sks_imported(self) -> bool:
        """True once an official SKS file (SKScomplete.txt) was imported: an unknown code is then an error."""
        return get_meta(self.db, "sks_sha256") is not None

    def sor_valid(self, sor_id: str, at: date | None = None) -> bool | None:
        """True when the SOR unit exists (and is valid at `at`, when given); None when it is unknown."""
        self._fresh()
        key = (sor_id, at)
        answer = self._sor_valid.get(key, _MISS)
        if answer is _MISS:
            unit = self.sor_get(sor_id)
            answer = None if unit is None else at is None or _covers(unit, at)
            _remember(self._sor_valid, key, answer)
        return answer  # type: ignore[return-value]

    def sor_period(self, sor_id: str) -> tuple[date | None, date | None] | None:
        """The first and last valid day of a SOR unit (None = open); None when the unit is unknown."""
        unit = self.sor_get(sor_id)
        return None if unit is None else (unit.valid_from, unit.valid_to)

    def sor_psychiatric(self, sor_id: str) -> bool | None:
        """True when the unit's main speciality (as the SOR file gives it) is psychiatric; None when unknown."""
        unit = self.sor_get(sor_id)
        if unit is None or not unit.speciality:
            return None
        return is_psychiatric(unit.speciality)

    # -- SOR units (sor_search.py) -------------------------------------------------------------------

    def sor_get(self, sor_id: str) -> SorUnit | None:
        """One SOR unit by its id, or None."""
        return sor_search.sor_get(self.db.conn, sor_id)

    def sor_search(self, text: str, *, owner_type: str | None = None, level: str | None = None,
                   cvr: str | None = None, limit: int = 50) -> list[SorUnit]:
        """Units whose SOR id starts with `text` (ranked first) or whose name contains it."""
        return sor_search.sor_search(self.db.conn, text, owner_type=owner_type, level=level, cvr=cvr, limit=limit)

    def sor_filter(self, *, sor_id: str = "", name: str = "", ydernummer: str = "", unit_type: str = "",
                   owner_type: str | None = None, level: str | None = None, cvr: str | None = None,
                   limit: int = 200) -> list[SorUnit]:
        """Units matching a filter per column (id prefix, the rest contained, case folded), by name."""
        return sor_search.sor_filter(self.db.conn, sor_id=sor_id, name=name, ydernummer=ydernummer,
                                     unit_type=unit_type, owner_type=owner_type, level=level, cvr=cvr, limit=limit)


_K = TypeVar("_K")
_V = TypeVar("_V")
_MISS = object()  # a cache miss, apart from a cached None ("unknown")


def _remember(cache: dict[_K, _V], key: _K, answer: _V) -> None:
    # Starting over when full keeps memory bounded; the rules' next questions refill it within one validation.
    if len(cache) >= MAX_ANSWERS:
        cache.clear()
    cache[key] = answer


def _covers(hit: CodeHit | SorUnit, at: date) -> bool:
    return (hit.valid_from is None or hit.valid_from <= at) and (hit.valid_to is None or hit.valid_to >= at)


def _build_sql(
    text_tier: str | None, dated: bool, lists: int, *, record_types: int = 0, headings: bool = False
) -> str:
    """The search statement: three capped tiers glued with UNION ALL; the caller orders by tier."""
    cond = (_valid_sql("c") if dated else "") + (_list_sql(lists) if lists else "")
    code_cond = cond
    prefix_tier = (f"SELECT * FROM (SELECT 1, {_COLS} FROM {CODES} c WHERE c.code_key > :q AND c.code_key < :hi"
                   "{where} ORDER BY c.code_key, c.valid_from DESC LIMIT :n)")
    if record_types > 1:
        # Several record types (the field group `proc`): one capped index walk per type, merged. With
        # `record_type IN (...)` SQLite read every code of the range in each type and sorted them all: "k" in
        # `proc` sorted ~10,000 operations to keep 20 (10-20 ms).
        where = cond + (" AND length(c.code) >= 4" if headings else "")
        walks = " UNION ALL ".join(
            f"SELECT * FROM (SELECT c.code_key AS k, {_COLS} FROM {CODES} c WHERE c.record_type = :rt{i}"
            f" AND c.code_key > :q AND c.code_key < :hi{where} ORDER BY c.code_key, c.valid_from DESC LIMIT :n)"
            for i in range(record_types)
        )
        prefix_tier = (f"SELECT * FROM (SELECT 1, id, code, text, valid_from, valid_to FROM ({walks})"
                       " ORDER BY k, valid_from DESC LIMIT :n)")
    if record_types:
        types = ", ".join(f":rt{i}" for i in range(record_types))
        # The code-prefix tier and the short-input scan walk the (record_type, code_key) index; the FTS tiers only
        # filter (unary + keeps SQLite from scanning a whole record type to join it to the FTS hits).
        code_cond += f" AND c.record_type IN ({types})"
        cond += f" AND +c.record_type IN ({types})"
        if headings:
            code_cond += " AND length(c.code) >= 4"  # diag leaves out the classification's headings (derive.py)
            cond += " AND length(c.code) >= 4"
    parts = [
        f"SELECT 0, {_COLS} FROM {CODES} c WHERE c.code_key = :q{cond}",
        prefix_tier.replace("{where}", code_cond) if record_types <= 1 else prefix_tier,
    ]
    if text_tier == "words":
        parts.append(
            f"SELECT * FROM (SELECT 2, {_COLS} FROM {WORDS_FTS} f JOIN {CODES} c ON c.id = f.rowid"
            f" WHERE {WORDS_FTS} MATCH :m{cond} LIMIT :n)"
        )
    elif text_tier == "grams":
        parts.append(
            f"SELECT * FROM (SELECT 2, {_COLS} FROM {GRAMS_FTS} f JOIN {CODES} c ON c.id = f.rowid"
            f" WHERE f.hay GLOB :m{cond} LIMIT :n)"
        )
    elif text_tier == "scan":
        # Fewer than 3 characters: no trigram to use; scan and stop at LIMIT (common letters stop early).
        parts.append(
            f"SELECT * FROM (SELECT 2, {_COLS} FROM {CODES} c"
            f" WHERE (instr(c.code_key, :q) > 0 OR instr(c.text_key, :q) > 0){code_cond} LIMIT :n)"
        )
    return " UNION ALL ".join(parts)


def _best_per_code(rows: list[tuple[Any, ...]], limit: int) -> list[CodeHit]:
    """One hit per code in tier order; of several periods of a code the latest wins."""
    rows.sort(key=lambda r: r[0])
    best: dict[str, tuple[Any, ...]] = {}
    for row in rows:
        prev = best.get(row[2])
        if prev is None:
            if len(best) == limit:
                continue
            best[row[2]] = row
        elif (row[4] or "") > (prev[4] or ""):
            best[row[2]] = row  # keeps the first position, takes the later period
    return [CodeHit(r[2], r[3], optional_date(r[4]), optional_date(r[5])) for r in best.values()]
