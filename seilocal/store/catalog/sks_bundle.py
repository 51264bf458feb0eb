"""The bundled SKS catalog (assets/catalog/sks_codes.tsv.gz): every SKS code and text as of June 2026.

Format: gzip'd UTF-8, `#` comment lines (the MIT notice of the source), a header `record_type code text`, then one
line per (code, text) in the order of SKScomplete: a code with several lines had several texts over time, the last
line is its current text. No validity dates: the codes count as valid until an official SKScomplete.txt import
brings the dates. Built from sks-labels-2026-06.csv with `python -m seilocal.store.catalog.sks_bundle CSV OUT`.
"""

from __future__ import annotations

import csv
import gzip
import sys
from dataclasses import dataclass
from pathlib import Path

from seilocal.model.codes import is_code_shaped
from seilocal.refusals import Kind

from .common import CatalogImportError

ASSET = "sks_codes.tsv.gz"
FIELDS = ("record_type", "code", "text")
EDITION = "2026-06"
RECORD_TYPES = frozenset({"dia", "opr", "pro", "til", "adm", "res", "und", "uly", "atc", "spc"})
NOTICE = (
    "# Every SKS code and text as of SKS June 2026, from data/SKS_labels.rda of LarsHernandez/sksr (commit 196ac45),",
    "# which reads SDS's SKScomplete.txt. MIT License, Copyright (c) 2026 Lars Nielsen - Aalborg.",
    "# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated",
    "# documentation files, to deal in them without restriction, subject to including this notice (MIT License).",
)


@dataclass(frozen=True, slots=True)
class BundledCode:
    """One SKS code of the bundle: record type, current text and its older texts (oldest first)."""

    code: str
    record_type: str
    text: str
    history: tuple[str, ...]


def parse_bundle(data: bytes, name: str = ASSET) -> dict[str, BundledCode]:
    """The codes of a bundle file (gzip'd or plain), in file order; a bad line refuses the whole file."""
    raw = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogImportError(Kind.NOT_UTF8, file=name, reason=exc.reason) from None
    texts: dict[str, list[str]] = {}
    types: dict[str, str] = {}
    header_seen = False
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != FIELDS:
                raise CatalogImportError(Kind.HEADER_DIFFERS, line_no, file=name, found=tuple(cells), expected=FIELDS)
            header_seen = True
            continue
        if len(cells) != len(FIELDS):
            raise CatalogImportError(Kind.BAD_FIELDS, line_no, file=name, found=len(cells), expected=len(FIELDS))
        record_type, code, label = cells
        if record_type not in RECORD_TYPES:
            raise CatalogImportError(Kind.UNKNOWN_RECORD_TYPE, line_no, file=name, value=record_type)
        if not is_code_shaped(code) or not label.strip():
            raise CatalogImportError(Kind.CODE_WITHOUT_TEXT, line_no, file=name, value=code)
        texts.setdefault(code, []).append(label)
        types[code] = record_type  # the last line's record type wins, as its text does
    if not header_seen:
        raise CatalogImportError(Kind.NO_HEADER, file=name)
    codes = {}
    for code, labels in texts.items():
        current = labels[-1]
        history = tuple(dict.fromkeys(t for t in labels[:-1] if t != current))
        codes[code] = BundledCode(code, types[code], current, history)
    return codes


def build_bundle(csv_path: Path, out: Path) -> int:
    """Write the bundle from sks-labels CSV (`Prefix,Kode,Label`); rows without code or record type are left out."""
    lines = [*NOTICE, "\t".join(FIELDS)]
    with csv_path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        if next(reader) != ["Prefix", "Kode", "Label"]:
            raise SystemExit(f"{csv_path}: header is not Prefix,Kode,Label")
        for prefix, code, label in reader:
            if not prefix or not code:
                continue  # one row in the 2026-06 file has neither (a text alone): no code to offer
            label = " ".join(label.split())
            lines.append(f"{prefix}\t{code}\t{label}")
    # mtime=0: the same input gives the same bytes, so the asset's checksum only moves when the data does.
    out.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0))
    return len(lines) - len(NOTICE) - 1


if __name__ == "__main__":
    print(f"{build_bundle(Path(sys.argv[1]), Path(sys.argv[2]))} lines written")
