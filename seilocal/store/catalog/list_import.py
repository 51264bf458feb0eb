"""Import and export of LPR3 named-list membership from a plain CSV/TSV file.

The file: UTF-8 (a BOM is fine) or Windows-1252, one header line, separated by a tab, `;` or `,` (taken
from the header). Four columns in this order, named as in the header (Danish names accepted):

    list_name (liste)         an LPR3 list name of the index, e.g. `proc.sluttid`
    code (kode)               an SKS code; a code ending in `*` stands for every code starting with it
    valid_from (gyldig_fra)   first day of membership, YYYY-MM-DD or YYYYMMDD; empty = always
    valid_to (gyldig_til)     last day of membership, same format; empty = open

Every list named in the file gets exactly the file's members (its starter rows and any earlier import go);
lists not named keep theirs. One transaction: a bad line refuses the whole file, nothing changes.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TextIO

from sqlite_utils import Database

from seilocal.refusals import Kind

from .common import CatalogImportError, bump_generation, parse_compact_date, parse_iso_date
from .list_index import index_by_name
from .schema import CODES, LIST_IMPORTS, LISTS

HEADER = ("list_name", "code", "valid_from", "valid_to")
_ALIASES = {
    "list_name": "list_name",
    "list": "list_name",
    "liste": "list_name",
    "listenavn": "list_name",
    "code": "code",
    "kode": "code",
    "valid_from": "valid_from",
    "gyldig_fra": "valid_from",
    "valid_to": "valid_to",
    "gyldig_til": "valid_to",
}
SOURCE = "official"


@dataclass(frozen=True)
class ListImportResult:
    """What a list import did: members per list, and the codes the code catalog does not know."""

    lists: dict[str, int] = field(default_factory=dict)
    unknown_codes: tuple[str, ...] = ()

    @property
    def members(self) -> int:
        """The number of member rows written."""
        return sum(self.lists.values())


Row = tuple[str, str, str, str | None, str | None]  # list_name, member, match, valid_from, valid_to


def decode(raw: bytes) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CatalogImportError(Kind.NOT_TEXT)


def _date(raw: str, line_no: int, what: str) -> str | None:
    raw = raw.strip()
    if len(raw) == 8 and raw.isdigit():
        return parse_compact_date(raw, line_no, what, required=False)
    return parse_iso_date(raw, line_no, what)


def read_list_file(text: str) -> list[Row]:
    """The member rows of a list file; raises CatalogImportError with the line number of the first problem."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise CatalogImportError(Kind.LIST_FILE_EMPTY, 1)
    delimiter = max(("\t", ";", ","), key=lines[0].count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = tuple(_ALIASES.get(cell.strip().lower(), cell.strip()) for cell in next(reader))
    if header != HEADER:
        raise CatalogImportError(Kind.HEADER_DIFFERS, 1, found=header, expected=HEADER)
    index = index_by_name()
    rows: dict[Row, Row] = {}
    for cells in reader:
        line_no = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(HEADER):
            raise CatalogImportError(Kind.BAD_FIELDS, line_no, found=len(cells), expected=len(HEADER))
        name, code = cells[0].strip(), cells[1].strip().replace(" ", "").upper()
        info = index.get(name)
        if info is None:
            raise CatalogImportError(Kind.UNKNOWN_LIST, line_no, value=name)
        if info.kind == "header":
            raise CatalogImportError(Kind.LIST_IS_HEADER, line_no, value=name)
        match = "code"
        if code.endswith("*"):
            code, match = code[:-1], "prefix"
        if not code or not code.isalnum():
            raise CatalogImportError(Kind.LIST_BAD_CODE, line_no, value=cells[1].strip())
        valid_from = _date(cells[2], line_no, "valid_from")
        valid_to = _date(cells[3], line_no, "valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            raise CatalogImportError(Kind.DATES_REVERSED, line_no, to=valid_to, frm=valid_from)
        row = (name, code, match, valid_from, valid_to)
        rows[row] = row  # the same row twice counts once
    if not rows:
        raise CatalogImportError(Kind.NO_MEMBERS)
    return list(rows.values())


def import_lists(
    db: Database, path: Path, now: datetime | None = None, file_name: str | None = None
) -> ListImportResult:
    """Import list membership from `path` in one transaction; the named lists become official.

    `file_name` is the name recorded for the import (the upload's own name); by default the path's name.
    """
    rows = read_list_file(decode(path.read_bytes()))
    stamp = (now or datetime.now()).replace(microsecond=0).isoformat(sep=" ")
    per_list: dict[str, int] = {}
    for row in rows:
        per_list[row[0]] = per_list.get(row[0], 0) + 1
    known = {r[0] for r in db.conn.execute(f"SELECT DISTINCT code FROM {CODES}")}
    unknown = sorted({r[1] for r in rows if r[2] == "code" and r[1] not in known})
    with db.atomic():
        db.conn.executemany(f"DELETE FROM {LISTS} WHERE list_name = ?", [(name,) for name in per_list])
        db.conn.executemany(
            f"INSERT INTO {LISTS} (list_name, member, match, valid_from, valid_to, source, verified) "
            f"VALUES (?, ?, ?, ?, ?, '{SOURCE}', 1)",
            rows,
        )
        db.conn.executemany(
            f"INSERT INTO {LIST_IMPORTS} (list_name, imported_at, file_name, members) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(list_name) DO UPDATE SET imported_at = excluded.imported_at, "
            "file_name = excluded.file_name, members = excluded.members",
            [(name, stamp, file_name or path.name, n) for name, n in per_list.items()],
        )
    bump_generation()
    return ListImportResult(dict(sorted(per_list.items())), tuple(unknown))


def export_lists(db: Database, out: TextIO, *, include_starter: bool = False) -> int:
    """Write the lists in the import format (tab separated, UTF-8); official lists only unless asked."""
    sources = ("official", "starter") if include_starter else ("official",)
    marks = ", ".join("?" for _ in sources)
    rows = db.conn.execute(
        f"SELECT list_name, member, match, valid_from, valid_to FROM {LISTS} WHERE source IN ({marks}) "
        "ORDER BY list_name, member, valid_from",
        sources,
    ).fetchall()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(HEADER)
    for name, member, match, valid_from, valid_to in rows:
        writer.writerow((name, member + ("*" if match == "prefix" else ""), valid_from or "", valid_to or ""))
    return len(rows)
