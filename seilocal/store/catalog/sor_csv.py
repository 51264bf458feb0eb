"""Reading a SOR CSV file as a stream: bounded lines, the encoding SDS uses, our layout or SOR2's SorEntity.

Lines are read from a binary stream at most MAX_LINE bytes at a time, so a file that is one 200 MB line is
refused without being held in memory. The text is UTF-8 (with or without a BOM); when a byte sequence is not
UTF-8 the whole file is read again as Windows-1252 (nothing is written before the whole file has been read).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from typing import IO

from seilocal.refusals import Kind

from .common import fold
from .sor_columns import EXPECTED, column_map, header_keys, is_sor2, unwrap
from .sor_errors import SorImportError

MAX_LINE = 1 << 20  # bytes per physical line; SOR2's longest lines are a few kB
BOM = b"\xef\xbb\xbf"
_BARE_CR = re.compile(r"(?<=\r)(?!\n)")  # split old Mac line ends, as the csv module's newline="" would

Progress = Callable[[int], None]  # bytes read so far


class NotUtf8(Exception):
    """Raised by a UTF-8 pass over the file: read it again as Windows-1252."""


def _lines(stream: IO[bytes], encoding: str, progress: Progress | None) -> Iterator[str]:
    done = 0
    line_no = 0
    while True:
        raw = stream.readline(MAX_LINE + 1)
        if not raw:
            return
        line_no += 1
        if len(raw) > MAX_LINE:
            raise SorImportError(Kind.LINE_TOO_LONG, line_no, limit=MAX_LINE)
        done += len(raw)
        if line_no == 1 and raw.startswith(BOM):
            raw = raw[len(BOM):]
        if encoding == "utf-8":
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise NotUtf8 from None
        else:
            text = raw.decode("cp1252", errors="replace")  # five bytes are undefined in cp1252
        if progress is not None and line_no % 2000 == 0:
            progress(done)
        if "\r" in text[:-2]:
            yield from (part for part in _BARE_CR.split(text) if part)
        else:
            yield text


def rows(stream: IO[bytes], encoding: str, progress: Progress | None = None) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of every CSV record of the stream, the header first.

    The delimiter (`;`, `,` or a tab) is the one the header uses most. Raises NotUtf8 in a UTF-8 pass that
    meets bytes that are not UTF-8; the caller then reads the file again as "cp1252".
    """
    lines = _lines(stream, encoding, progress)
    first = next(lines, None)
    if first is None or not first.strip():
        raise SorImportError(Kind.NO_HEADER, 1)
    delimiter = max((";", ",", "\t"), key=first.count)

    def chained() -> Iterator[str]:
        yield first
        yield from lines

    reader = csv.reader(chained(), delimiter=delimiter)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:
        raise SorImportError(Kind.NOT_CSV, reader.line_num, reason=str(exc)) from exc


class CsvLayout:
    """The header of a SOR CSV file: which layout, where each field is, how many columns are ignored."""

    def __init__(self, header: list[str]) -> None:
        keys = header_keys(header)
        self.width = len(header)
        self.sor2 = is_sor2(keys)
        self.index, self.ignored = column_map(keys)
        self.names = {field: unwrap(header[i]) for field, i in self.index.items()}  # as the file spells them
        missing = [f for f in ("sor_id", "name") if f not in self.index]
        if missing:
            what = {"sor_id": "SOR code", "name": "name"}[missing[0]] if len(missing) == 1 else "SOR code and name"
            names = [unwrap(h).lstrip("\ufeff") for h in header[:8]]
            shown = ", ".join(n if len(n) <= 40 else n[:39] + "…" for n in names) + (", …" if len(header) > 8 else "")
            raise SorImportError(Kind.NOT_SOR, 1, missing=what,
                                 expected="; ".join(EXPECTED[f] for f in missing), found=shown)

    def values(self, row: list[str]) -> dict[str, str | None]:
        """Field -> raw value (unwrapped; blank is None) for one record."""
        out: dict[str, str | None] = {}
        for field, i in self.index.items():
            cell = unwrap(row[i]) if i < len(row) else ""
            out[field] = cell or None
        return out


OWNER_WORDS = (("region", "regional"), ("kommun", "kommunal"), ("stat", "statslig"), ("privat", "privat"))


def sor2_owner_type(raw: str | None) -> str | None:
    """Our owner type from SOR2's owner entity type name (its exact values are not known to us: by word)."""
    if not raw:
        return None
    folded = fold(raw)
    return next((ours for word, ours in OWNER_WORDS if word in folded), None)
