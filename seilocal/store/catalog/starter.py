"""The starter catalog bundled in assets/catalog/: loaded at first start and whenever its files change.

Files (UTF-8, a header line, tab separated, empty = null, dates YYYY-MM-DD):
    codes.tsv      code, text, record_type, valid_from, valid_to, verified (1/0)
    lists.tsv      list_name, member, match (code|prefix), verified
    lists_public.tsv  the same columns: lists whose code ranges the official list index itself states
    sor_units.tsv  sor_id, name, level, owner_type, cvr, ydernummer, unit_type, parent, valid_from, valid_to
A missing file counts as empty. Rows imported from the official files (SKS, SOR, list import) are never
touched: a starter code that SKS also has is skipped, and so are a starter unit that a SOR import brought
and the starter members of a list that a list import brought.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlite_utils import Database

from seilocal.resources import asset_path

from .common import CatalogImportError, bump_generation, fold, parse_iso_date
from .list_index import official_lists
from .schema import CODES, LISTS, SOR, get_meta, set_meta
from .sor_import import FIELDS as SOR_FIELDS
from .sor_import import check_unit, write_units

CODE_FIELDS = ("code", "text", "record_type", "valid_from", "valid_to", "verified")
LIST_FIELDS = ("list_name", "member", "match", "verified")
FILES = {
    "codes.tsv": CODE_FIELDS,
    "lists.tsv": LIST_FIELDS,
    "lists_public.tsv": LIST_FIELDS,
    "sor_units.tsv": SOR_FIELDS,
}
META_KEY = "starter_sha256"


def read_tsv(name: str, data: bytes, fields: tuple[str, ...]) -> list[tuple[int, dict[str, str | None]]]:
    """Rows of one starter TSV as (line number, {column: value or None}); the header must match `fields`."""
    if not data.strip():
        return []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogImportError(0, f"{name}: not UTF-8 ({exc.reason})") from None
    lines = text.splitlines()
    header = tuple(h.strip() for h in lines[0].split("\t"))
    if header != fields:
        raise CatalogImportError(1, f"{name}: header {header} differs from {fields}")
    rows = []
    for line_no, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(fields):
            raise CatalogImportError(line_no, f"{name}: {len(cells)} fields, {len(fields)} expected")
        rows.append((line_no, {f: (c.strip() or None) for f, c in zip(fields, cells, strict=True)}))
    return rows


def _flag(value: str | None, name: str, line_no: int) -> int:
    if value not in (None, "0", "1"):
        raise CatalogImportError(line_no, f"{name}: verified {value!r} is not 1 or 0")
    return 1 if value == "1" else 0


def _code_rows(name: str, data: bytes) -> list[tuple]:
    rows = []
    for line_no, r in read_tsv(name, data, CODE_FIELDS):
        if not r["code"] or not r["text"]:
            raise CatalogImportError(line_no, f"{name}: code and text are required")
        valid_from = parse_iso_date(r["valid_from"] or "", line_no, f"{name}: valid_from")
        valid_to = parse_iso_date(r["valid_to"] or "", line_no, f"{name}: valid_to")
        rows.append(
            (
                r["code"],
                fold(r["code"]),
                r["text"],
                fold(r["text"]),
                r["record_type"],
                valid_from,
                valid_to,
                _flag(r["verified"], name, line_no),
            )
        )
    return rows


def _list_rows(name: str, data: bytes) -> list[tuple]:
    rows = []
    for line_no, r in read_tsv(name, data, LIST_FIELDS):
        if not r["list_name"] or not r["member"]:
            raise CatalogImportError(line_no, f"{name}: list_name and member are required")
        if r["match"] not in ("code", "prefix"):
            raise CatalogImportError(line_no, f"{name}: match {r['match']!r} is not code or prefix")
        rows.append((r["list_name"], r["member"], r["match"], _flag(r["verified"], name, line_no)))
    return rows


def ensure_starter_catalog(db: Database, assets: Path | None = None) -> bool:
    """Load the bundled starter catalog when it is new or changed; True when it (re)loaded anything."""
    folder = assets if assets is not None else asset_path("catalog")
    blobs: dict[str, bytes] = {}
    digest = hashlib.sha256()
    for name in FILES:
        path = folder / name
        blobs[name] = path.read_bytes() if path.is_file() else b""
        digest.update(f"{name}:{len(blobs[name])}:".encode())
        digest.update(blobs[name])
    stamp = digest.hexdigest()
    if get_meta(db, META_KEY) == stamp:
        return False
    codes = _code_rows("codes.tsv", blobs["codes.tsv"])
    lists = _list_rows("lists.tsv", blobs["lists.tsv"]) + _list_rows("lists_public.tsv", blobs["lists_public.tsv"])
    units = [
        check_unit(r, line_no) for line_no, r in read_tsv("sor_units.tsv", blobs["sor_units.tsv"], SOR_FIELDS)
    ]
    with db.atomic():
        official = {
            row[0] for row in db.conn.execute(f"SELECT DISTINCT code FROM {CODES} WHERE source = 'sks'")
        }
        db.execute(f"DELETE FROM {CODES} WHERE source = 'starter'")
        db.conn.executemany(
            f"INSERT INTO {CODES} (code, code_key, text, text_key, record_type, valid_from, valid_to, "
            "source, verified) VALUES (?, ?, ?, ?, ?, ?, ?, 'starter', ?)",
            [row for row in codes if row[0] not in official],
        )
        db.execute(f"DELETE FROM {LISTS} WHERE source = 'starter'")
        # A list an official import brought keeps only its official members.
        imported = official_lists(db)
        db.conn.executemany(
            f"INSERT INTO {LISTS} (list_name, member, match, verified, source) "
            "VALUES (?, ?, ?, ?, 'starter')",
            [row for row in lists if row[0] not in imported],
        )
        from_sor = {row[0] for row in db.conn.execute(f"SELECT sor_id FROM {SOR} WHERE source = 'sor'")}
        keep = {u[0] for u in units}
        db.conn.executemany(
            f"DELETE FROM {SOR} WHERE sor_id = ? AND source = 'starter'",
            [
                (row[0],)
                for row in db.conn.execute(f"SELECT sor_id FROM {SOR} WHERE source = 'starter'")
                if row[0] not in keep
            ],
        )
        write_units(db, [u for u in units if u[0] not in from_sor], "starter")
        set_meta(db, META_KEY, stamp)
    bump_generation()
    return True
