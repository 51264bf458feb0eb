"""SOR units in the catalog: one unit by id, the type-ahead search and the column filter of the SOR dialog."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from typing import Any, NamedTuple

from .common import fold, like_escape, optional_date
from .schema import SOR, SOR_GRAMS

_GLOB_SPECIAL = re.compile(r"[*?\[\]]")


class SorUnit(NamedTuple):
    """One SOR unit."""

    sor_id: str
    name: str
    level: str | None
    owner_type: str | None
    cvr: str | None
    ydernummer: str | None
    unit_type: str | None
    parent: str | None
    valid_from: date | None
    valid_to: date | None
    speciality: str | None = None
    si_id: str | None = None  # the SI (sundhedsinstitution) the unit belongs to, when the file says
    si_name: str | None = None
    sor_type: str | None = None  # SOR2's SorType as written (SI, OE or another entity type)
    org_level: str | None = None  # SOR2's OrganisationalLevelName


def is_psychiatric(speciality: str) -> bool | None:
    """True for a psychiatric main speciality ("Psykiatri", "Børne- og ungdomspsykiatri"); None for a bare
    speciality number, which we cannot read without the SOR code table."""
    if not any(ch.isalpha() for ch in speciality):
        return None
    return "psykiatri" in fold(speciality)


_SOR_COLS = (
    "sor_id, name, level, owner_type, cvr, ydernummer, unit_type, parent, valid_from, valid_to, speciality,"
    " si_id, si_name, sor_type, org_level"
)


def _sor_unit(row: tuple[Any, ...]) -> SorUnit:
    """A unit from a row in _SOR_COLS order (its two dates stored as ISO text)."""
    return SorUnit._make((*row[:8], optional_date(row[8]), optional_date(row[9]), *row[10:15]))


# Named SQL parameters: texts, and the row limit.
Params = dict[str, str | int]


def _sor_filters(*, owner_type: str | None, level: str | None, cvr: str | None) -> tuple[str, Params]:
    where = ""
    params: Params = {}
    if owner_type:
        where += " AND owner_type = :owner"
        params["owner"] = owner_type
    if level:
        where += " AND level = :level"
        params["level"] = level
    if cvr:
        where += " AND cvr = :cvr"
        params["cvr"] = cvr.strip()
    return where, params


def sor_get(conn: sqlite3.Connection, sor_id: str) -> SorUnit | None:
    """One SOR unit by its id, or None."""
    row = conn.execute(
        f"SELECT {_SOR_COLS} FROM {SOR} WHERE sor_id = ?", (sor_id.strip(),)
    ).fetchone()
    return None if row is None else _sor_unit(row)


def sor_search(
    conn: sqlite3.Connection,
    text: str,
    *,
    owner_type: str | None = None,
    level: str | None = None,
    cvr: str | None = None,
    limit: int = 50,
) -> list[SorUnit]:
    """Units whose SOR id starts with `text` (ranked first), whose owner's CVR is `text` (8 digits), or whose
    name contains it."""
    query = fold(text.strip())
    where, params = _sor_filters(owner_type=owner_type, level=level, cvr=cvr)
    params["n"] = limit
    if not query:
        sql = f"SELECT {_SOR_COLS} FROM {SOR} WHERE 1 {where} ORDER BY name_key LIMIT :n"
        return [_sor_unit(r) for r in conn.execute(sql, params)]
    params["q"] = query
    tiers = []
    if query.isdigit():
        # SOR codes are digits: a range over the primary key (LIKE would scan). A CVR is 8 digits.
        params.update(lo=query, hi=query[:-1] + chr(ord(query[-1]) + 1))
        tiers.append(f"SELECT * FROM (SELECT 0, {_SOR_COLS} FROM {SOR} WHERE sor_id >= :lo AND sor_id < :hi"
                     f" {where} ORDER BY sor_id LIMIT :n)")
        if len(query) == 8:
            tiers.append(f"SELECT * FROM (SELECT 1, {_SOR_COLS} FROM {SOR} WHERE cvr = :q {where}"
                         " ORDER BY level IS NOT 'SI', name_key LIMIT :n)")
    if len(query) >= 3 and not _GLOB_SPECIAL.search(query):
        params["g"] = f"*{query}*"
        tiers.append(f"SELECT * FROM (SELECT 2, {_SOR_COLS} FROM {SOR_GRAMS} f JOIN {SOR} ON {SOR}.rowid = f.rowid"
                     f" WHERE f.name_key GLOB :g {where} LIMIT :n)")
    elif not query.isdigit():
        # One or two characters: the scan stops at LIMIT, which common letters reach at once. One or two
        # digits are the start of a SOR code, not of a name (a name's digits are found from 3 characters).
        tiers.append(f"SELECT * FROM (SELECT 2, {_SOR_COLS} FROM {SOR} WHERE instr(name_key, :q) > 0 {where}"
                     " LIMIT :n)")
    sql = " UNION ALL ".join(tiers)
    units: dict[str, SorUnit] = {}
    rows = conn.execute(sql, params).fetchall()
    first_rows = [r for r in rows if r[0] < 2]
    name_rows = sorted(
        (r for r in rows if r[0] == 2), key=lambda r: (not fold(r[2]).startswith(query), r[2])
    )
    for row in first_rows + name_rows:
        units.setdefault(row[1], _sor_unit(row[1:]))
    return list(units.values())[:limit]


RARE = 1000  # fewer name hits than this: the trigram index leads (see sor_filter)


def _rare(conn: sqlite3.Connection, glob: str) -> bool:
    """True when fewer than RARE names match `glob` (counted through the trigram index, stopping at RARE)."""
    sql = f"SELECT count(*) FROM (SELECT 1 FROM {SOR_GRAMS} WHERE name_key GLOB ? LIMIT {RARE})"
    count: int = conn.execute(sql, (glob,)).fetchone()[0]
    return count < RARE


def sor_filter(
    conn: sqlite3.Connection,
    *,
    sor_id: str = "",
    name: str = "",
    ydernummer: str = "",
    unit_type: str = "",
    owner_type: str | None = None,
    level: str | None = None,
    cvr: str | None = None,
    limit: int = 200,
) -> list[SorUnit]:
    """Units matching a filter per column (id prefix, the rest contained, case folded), by name."""
    where, params = _sor_filters(owner_type=owner_type, level=level, cvr=cvr)
    if sor_id.strip():
        where += " AND sor_id LIKE :sid ESCAPE '\\'"
        params["sid"] = like_escape(sor_id.strip()) + "%"
    source = SOR
    if name.strip():
        name_key = params["name"] = fold(name.strip())
        glob = f"*{name_key}*"
        if len(name_key) >= 3 and not _GLOB_SPECIAL.search(name_key) and _rare(conn, glob):
            # A rare text: driven by the trigram index, then sorted. A common one ("klinik") is faster the
            # other way: walking the name index in order stops at LIMIT.
            source = f"{SOR_GRAMS} f JOIN {SOR} ON {SOR}.rowid = f.rowid"
            where += " AND f.name_key GLOB :glob"
            params["glob"] = glob
        else:
            where += " AND instr(name_key, :name) > 0"
    if ydernummer.strip():
        where += " AND instr(coalesce(ydernummer, ''), :yd) > 0"
        params["yd"] = ydernummer.strip()
    if unit_type.strip():
        where += " AND instr(lower(coalesce(unit_type, '')), :ut) > 0"
        params["ut"] = fold(unit_type.strip())
    params["n"] = limit
    sql = f"SELECT {_SOR_COLS} FROM {source} WHERE 1 {where} ORDER BY {SOR}.name_key, sor_id LIMIT :n"
    return [_sor_unit(r) for r in conn.execute(sql, params)]
