"""Import of the official SKS file `SKScomplete.txt` (fixed width, Windows-1252; lpr3-reference.md §3.1).

The official file is Windows-1252; a copy saved again as UTF-8 (with or without BOM) is recognised by its
first non-ASCII line, so Danish letters never turn into mojibake.

Fields used (0-based, end exclusive): record type 0-3, code 3-23, valid from 23-31, changed 31-39,
valid to 39-47 (blank = open), text 47-167. A code appears once per validity period; every period is kept.
The import upserts by (code, valid from): codes that are missing from the file are kept, so a partial
file never wipes the catalog. An imported code replaces the starter rows of the same code.
"""

from __future__ import annotations

import codecs
import hashlib
from contextlib import nullcontext
from pathlib import Path
from typing import NamedTuple

from sqlite_utils import Database

from seilocal.model.codes import is_code_shaped
from seilocal.refusals import Kind

from .common import (
    CatalogImportError,
    ImportResult,
    Progress,
    ProgressReporter,
    bump_generation,
    fold,
    parse_compact_date,
)
from .schema import CODES, fts_triggers_suspended, get_meta, set_meta

BULK_ROWS = 5000  # above this many written rows, rebuilding the FTS indexes beats row triggers
MIN_LINE = 47  # through the valid-to field; the text may be cut short or blank-trimmed
MAX_LINE_BYTES = 4096  # a real line is about 210 bytes; a longer one is refused unread (a 200 MB "line" too)


class SksRecord(NamedTuple):
    """One validity period of one SKS code, as read from the file."""

    record_type: str
    code: str
    text: str
    valid_from: str
    valid_to: str | None
    changed: str | None


def parse_sks_line(line: str, line_no: int) -> SksRecord | None:
    """One decoded line of SKScomplete.txt as a record; None for a blank line."""
    if not line.strip():
        return None
    if len(line) < MIN_LINE:
        raise CatalogImportError(Kind.SKS_LINE_SHORT, line_no, length=len(line), minimum=MIN_LINE)
    record_type = line[0:3].strip()
    code = line[3:23].strip()
    if not record_type.isalpha():
        raise CatalogImportError(Kind.SKS_RECORD_TYPE, line_no, value=line[0:3])
    if not code or " " in code or "\t" in code:
        raise CatalogImportError(Kind.SKS_CODE_SPACES, line_no, value=code)
    if not is_code_shaped(code):
        # Codes are shown and stored everywhere; a value like `<img/src/onerror=x>` is no SKS code (issue 11).
        raise CatalogImportError(Kind.SKS_CODE_SHAPE, line_no, value=code)
    valid_from = parse_compact_date(line[23:31], line_no, "valid-from", required=True)
    changed = parse_compact_date(line[31:39], line_no, "change date", required=False)
    valid_to = parse_compact_date(line[39:47], line_no, "valid-to", required=False)
    assert valid_from is not None
    if valid_to is not None and valid_to < valid_from:
        raise CatalogImportError(Kind.DATES_REVERSED, line_no, to=valid_to, frm=valid_from)
    return SksRecord(record_type, code, line[47:167].strip(), valid_from, valid_to, changed)


def read_sks_file(
    path: Path, progress: Progress | None = None
) -> tuple[dict[tuple[str, str], SksRecord], str]:
    """Every record of the file keyed by (code, valid from), and the file's SHA-256."""
    size = max(path.stat().st_size, 1)
    report = ProgressReporter(progress)
    digest = hashlib.sha256()
    records: dict[tuple[str, str], SksRecord] = {}
    done = 0
    encoding: str | None = None
    with path.open("rb") as handle:
        line_no = 0
        while raw := handle.readline(MAX_LINE_BYTES + 1):
            line_no += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                raise CatalogImportError(Kind.SKS_LINE_TOO_LONG, line_no, limit=MAX_LINE_BYTES)
            digest.update(raw)
            done += len(raw)
            if line_no == 1 and raw.startswith(codecs.BOM_UTF8):
                encoding, raw = "utf-8", raw[len(codecs.BOM_UTF8):]
            elif encoding is None and not raw.isascii():
                encoding = _sniff(raw)  # the first line with a non-ASCII byte decides for the whole file
            line = _decode(raw, encoding or "ascii", line_no).rstrip("\r\n")
            record = parse_sks_line(line, line_no)
            if record is not None:
                records[(record.code, record.valid_from)] = record
            if line_no % 4096 == 0:
                report(done / size)
    if not records:
        raise CatalogImportError(Kind.SKS_EMPTY)
    return records, digest.hexdigest()


def _sniff(raw: bytes) -> str:
    """UTF-8 when the bytes are valid UTF-8 (Danish letters in Windows-1252 practically never are), else cp1252."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def _decode(raw: bytes, encoding: str, line_no: int) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-8":
            raise CatalogImportError(Kind.SKS_MIXED_ENCODING, line_no) from None
        raise CatalogImportError(Kind.SKS_NOT_CP1252, line_no, reason=exc.reason) from None


def import_sks(db: Database, path: Path, progress: Progress | None = None) -> ImportResult:
    """Import SKScomplete.txt in one transaction; a bad line raises CatalogImportError, writes nothing."""
    records, sha = read_sks_file(Path(path), _scaled(progress, 0.0, 0.5))
    report = ProgressReporter(progress, 0.5, 1.0)
    counts = {"read": len(records), "inserted": 0, "updated": 0, "unchanged": 0, "replaced_starter": 0}
    with db.atomic():
        existing = {
            (row[1], row[2]): row
            for row in db.conn.execute(
                f"SELECT id, code, valid_from, record_type, text, valid_to, changed FROM {CODES} "
                "WHERE source = 'sks'"
            )
        }
        inserts: list[tuple[object, ...]] = []
        updates: list[tuple[object, ...]] = []
        for key, rec in records.items():
            old = existing.get(key)
            if old is None:
                inserts.append(
                    (
                        rec.code,
                        fold(rec.code),
                        rec.text,
                        fold(rec.text),
                        rec.record_type,
                        rec.valid_from,
                        rec.valid_to,
                        rec.changed,
                    )
                )
            elif (old[3], old[4], old[5], old[6]) != (rec.record_type, rec.text, rec.valid_to, rec.changed):
                updates.append((rec.text, fold(rec.text), rec.record_type, rec.valid_to, rec.changed, old[0]))
            else:
                counts["unchanged"] += 1
        report(0.1)
        new_codes = {code for code, _ in records}
        starter_ids = [
            (row[0],)
            for row in db.conn.execute(f"SELECT id, code FROM {CODES} WHERE source = 'starter'")
            if row[1] in new_codes
        ]
        report(0.2)
        bulk = len(inserts) + len(updates) > BULK_ROWS
        with fts_triggers_suspended(db) if bulk else nullcontext():
            if starter_ids:
                db.conn.executemany(f"DELETE FROM {CODES} WHERE id = ?", starter_ids)
            if updates:
                db.conn.executemany(
                    f"UPDATE {CODES} SET text = ?, text_key = ?, record_type = ?, valid_to = ?, changed = ?, "
                    "verified = 1 WHERE id = ?",
                    updates,
                )
            _insert_in_chunks(db, inserts, report)
        counts.update(inserted=len(inserts), updated=len(updates), replaced_starter=len(starter_ids))
        if get_meta(db, "sks_sha256") != sha:
            set_meta(db, "sks_sha256", sha)
    report(1.0)
    bump_generation()
    return ImportResult(counts)


def _insert_in_chunks(db: Database, rows: list[tuple[object, ...]], report: ProgressReporter) -> None:
    """Insert SKS rows in chunks so that the progress bar moves during a large first import."""
    chunk = 10_000
    for start in range(0, len(rows), chunk):
        db.conn.executemany(
            f"INSERT INTO {CODES} (code, code_key, text, text_key, record_type, valid_from, valid_to, "
            "changed, source, verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'sks', 1)",
            rows[start : start + chunk],
        )
        report(0.2 + 0.6 * (start + chunk) / len(rows))


def _scaled(progress: Progress | None, start: float, end: float) -> Progress | None:
    """A callback that maps [0, 1] onto [start, end] of the caller's callback."""
    if progress is None:
        return None
    return lambda fraction: progress(start + (end - start) * fraction)
