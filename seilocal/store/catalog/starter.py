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
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from seilocal.refusals import Kind
from seilocal.resources import asset_path
from seilocal.store.crypto import OperationalError

from .common import CatalogImportError, bump_generation, fold, parse_iso_date
from .derive import MEMBER_UNTIL, derive_lists
from .list_index import list_index, official_lists
from .prepared import attach, copy_prepared, detach, prepared_file, write_prepared
from .schema import CODES, LIST_EVIDENCE, LIST_IMPORTS, LISTS, SOR, fts_triggers_suspended, get_meta, set_meta
from .sks_bundle import ASSET as SKS_ASSET
from .sks_bundle import BundledCode, parse_bundle
from .sor_import import FIELDS as SOR_FIELDS
from .sor_import import check_unit, write_units

CODE_FIELDS = ("code", "text", "record_type", "valid_from", "valid_to", "verified")
LIST_FIELDS = ("list_name", "member", "match", "verified")
FILES = {
    "codes.tsv": CODE_FIELDS,
    "lists.tsv": LIST_FIELDS,
    "lists_public.tsv": LIST_FIELDS,
    "sor_units.tsv": SOR_FIELDS,
    SKS_ASSET: (),
}
BULK_ROWS = 5000  # above this many codes, one FTS rebuild beats the row triggers
META_KEY = "starter_sha256"
# Part of the checksum: bump it whenever the loading or the list derivation changes, so every database (and every
# prepared catalog) loads again although the asset files stayed the same.
LOADER_VERSION = "sks-2026-06.3"


def read_tsv(name: str, data: bytes, fields: tuple[str, ...]) -> list[tuple[int, dict[str, str | None]]]:
    """Rows of one starter TSV as (line number, {column: value or None}); the header must match `fields`."""
    if not data.strip():
        return []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogImportError(Kind.NOT_UTF8, file=name, reason=exc.reason) from None
    lines = text.splitlines()
    header = tuple(h.strip() for h in lines[0].split("\t"))
    if header != fields:
        raise CatalogImportError(Kind.HEADER_DIFFERS, 1, file=name, found=header, expected=fields)
    rows = []
    for line_no, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(fields):
            raise CatalogImportError(Kind.BAD_FIELDS, line_no, file=name, found=len(cells), expected=len(fields))
        rows.append((line_no, {f: (c.strip() or None) for f, c in zip(fields, cells, strict=True)}))
    return rows


def _flag(value: str | None, name: str, line_no: int) -> int:
    if value not in (None, "0", "1"):
        raise CatalogImportError(Kind.BAD_FLAG, line_no, file=name, column="verified", value=value)
    return 1 if value == "1" else 0


def _code_rows(name: str, data: bytes) -> list[tuple[Any, ...]]:
    rows = []
    for line_no, r in read_tsv(name, data, CODE_FIELDS):
        if not r["code"] or not r["text"]:
            raise CatalogImportError(Kind.REQUIRED, line_no, file=name, columns="code and text")
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


def _list_rows(name: str, data: bytes) -> list[tuple[Any, ...]]:
    rows = []
    for line_no, r in read_tsv(name, data, LIST_FIELDS):
        if not r["list_name"] or not r["member"]:
            raise CatalogImportError(Kind.REQUIRED, line_no, file=name, columns="list_name and member")
        if r["match"] not in ("code", "prefix"):
            raise CatalogImportError(Kind.BAD_MATCH, line_no, file=name, value=r["match"])
        rows.append((r["list_name"], r["member"], r["match"], _flag(r["verified"], name, line_no)))
    return rows


def _bundle_rows(bundle: dict[str, BundledCode]) -> list[tuple[Any, ...]]:
    """Catalog rows of the SKS bundle: no dates (valid until an SKS import brings them); older texts searchable."""
    return [
        (c.code, fold(c.code), c.text, fold(" ".join((c.text, *c.history))), c.record_type, None, None, 1)
        for c in bundle.values()
    ]


def bundled_files(assets: Path | None = None) -> tuple[str, dict[str, bytes]]:
    """The bundled catalog files' contents and their stamp (a checksum of the files and of LOADER_VERSION)."""
    folder = assets if assets is not None else asset_path("catalog")
    blobs: dict[str, bytes] = {}
    digest = hashlib.sha256(LOADER_VERSION.encode())
    for name in FILES:
        path = folder / name
        blobs[name] = path.read_bytes() if path.is_file() else b""
        digest.update(f"{name}:{len(blobs[name])}:".encode())
        digest.update(blobs[name])
    return digest.hexdigest(), blobs


def build_prepared(folder: Path) -> Path:
    """Write the prepared catalog of the bundled files into `folder` (`make dist` ships it: a new data folder's
    first start then copies it instead of loading 71,000 codes); its path."""
    stamp, blobs = bundled_files()
    return write_prepared(folder, stamp, lambda target: _load(target, blobs, stamp))


def ensure_starter_catalog(db: Database, assets: Path | None = None) -> bool:
    """Load the bundled starter catalog when it is new or changed; True when it (re)loaded anything."""
    stamp, blobs = bundled_files(assets)
    if get_meta(db, META_KEY) == stamp:
        return False
    prepared = None
    if blobs[SKS_ASSET] and _catalog_empty(db):
        # A new database: copy the catalog that an earlier start prepared (or prepare it now, once per machine).
        prepared = prepared_file(stamp, lambda target: _load(target, blobs, stamp))
    if prepared is None:
        with db.atomic():
            _load(db, blobs, stamp)
    else:
        attach(db, prepared)
        wal = _leave_wal(db)
        try:
            with db.atomic():
                copy_prepared(db, prepared)
                set_meta(db, META_KEY, stamp)
        finally:
            detach(db)
            if wal:
                db.execute("PRAGMA journal_mode = WAL")
    bump_generation()
    return True


def _leave_wal(db: Database) -> bool:
    """Copy into a new database with a rollback journal, not the WAL; True when WAL is to be turned on again.

    In WAL mode the 25 MB of the copy were written twice, to the WAL and at its checkpoint into the file; with a
    rollback journal the new pages of a new file are written once (SQLite journals no page beyond the file's old
    end). Only possible while no other connection has the file open; else the copy goes through the WAL.
    """
    mode = db.conn.execute("PRAGMA journal_mode").fetchone()[0]
    if str(mode).lower() != "wal":
        return False
    try:
        changed = db.conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except OperationalError:
        return False
    return str(changed).lower() != "wal"


def _catalog_empty(db: Database) -> bool:
    """True when the database has no catalog rows, SOR units or list imports yet (a new data folder)."""
    tables = (CODES, LISTS, LIST_IMPORTS, SOR)
    return all(db.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None for table in tables)


def _load(db: Database, blobs: dict[str, bytes], stamp: str) -> None:
    """Parse the bundled files and write them into `db`'s catalog (inside the caller's transaction)."""
    bundle = parse_bundle(blobs[SKS_ASSET]) if blobs[SKS_ASSET] else {}
    # The SKS bundle is the catalog; codes.tsv adds only codes SKS does not know (none in the shipped assets).
    codes = _bundle_rows(bundle) + [row for row in _code_rows("codes.tsv", blobs["codes.tsv"]) if row[0] not in bundle]
    derived = derive_lists(bundle, (info.name for info in list_index() if info.kind == "list")) if bundle else []
    lists = _list_rows("lists.tsv", blobs["lists.tsv"]) + _list_rows("lists_public.tsv", blobs["lists_public.tsv"])
    derived_names = {d.name for d in derived}
    lists = [row for row in lists if row[0] not in derived_names]
    units = [
        check_unit(r, line_no) for line_no, r in read_tsv("sor_units.tsv", blobs["sor_units.tsv"], SOR_FIELDS)
    ]
    official = {
        row[0] for row in db.conn.execute(f"SELECT DISTINCT code FROM {CODES} WHERE source = 'sks'")
    }
    bulk = len(codes) > BULK_ROWS
    with fts_triggers_suspended(db) if bulk else nullcontext():
        db.execute(f"DELETE FROM {CODES} WHERE source = 'starter'")
        db.conn.executemany(
            f"INSERT INTO {CODES} (code, code_key, text, text_key, record_type, valid_from, valid_to, "
            "source, verified) VALUES (?, ?, ?, ?, ?, ?, ?, 'starter', ?)",
            [row for row in codes if row[0] not in official],
        )
    db.execute(f"DELETE FROM {LISTS} WHERE source IN ('starter', 'sks')")
    db.execute(f"DELETE FROM {LIST_EVIDENCE}")
    # A list an official import brought keeps only its official members.
    imported = official_lists(db)
    db.conn.executemany(
        f"INSERT INTO {LISTS} (list_name, member, match, verified, source) "
        "VALUES (?, ?, ?, ?, 'starter')",
        [row for row in lists if row[0] not in imported],
    )
    for lst in derived:
        if lst.name in imported:
            continue
        db.conn.executemany(
            f"INSERT INTO {LISTS} (list_name, member, match, valid_to, verified, source) "
            "VALUES (?, ?, 'code', ?, 1, 'sks')",
            [(lst.name, member, MEMBER_UNTIL.get(member)) for member in lst.members],
        )
        db.execute(
            f"INSERT INTO {LIST_EVIDENCE} (list_name, evidence, members) VALUES (?, ?, ?)",
            (lst.name, lst.evidence, len(lst.members)),
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
