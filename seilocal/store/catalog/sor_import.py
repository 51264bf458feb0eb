"""Import of SOR units (Sundhedsvæsenets Organisationsregister) from a CSV file or the SOR XML export.

CSV: UTF-8 (a BOM is fine; Windows-1252 is accepted as a fallback), a header line, separated by `;`,
`,` or a tab (taken from the header). Columns, in any order, matched case-insensitively, Danish names
in brackets also accepted; only `sor_id` and `name` are required, an empty cell is null:

    sor_id (sor_kode)        the SOR code, digits only
    name (navn)              the unit's name
    level (niveau)           SI (sundhedsinstitution) or OE (organisatorisk enhed)
    owner_type (ejerforhold) statslig, regional, kommunal or privat
    cvr                      the owner's CVR number (8 digits)
    ydernummer               the practice's provider number
    unit_type (enhedstype)   free text, e.g. "Speciallægepraksis"
    parent (overordnet)      the SOR code of the parent unit
    valid_from (gyldig_fra)  YYYY-MM-DD
    valid_to (gyldig_til)    YYYY-MM-DD, the last valid day
    speciality (speciale, hovedspeciale)  the unit's main speciality, e.g. "Psykiatri" (psychiatry rules)

XML: the SOR export (namespace urn:oio:sundhedsstyrelsen:organisation:1.0.0). InstitutionOwner gives the
owner type (when written as a word) and is the parent of its HealthInstitution units (level SI); each
OrganizationalUnit (level OE) has the nearest enclosing unit as parent. Read per unit: SorIdentifier,
EntityName, InstitutionType or UnitType, ProviderIdentifier (ydernummer), FromDate and ToDate, and the
first ClinicalSpecialityName / SpecialityName / ClinicalSpecialityCode found in the unit (its speciality).

Units are upserted by SOR code in one transaction; units missing from the file are kept.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .common import (
    CatalogImportError,
    ImportResult,
    Progress,
    ProgressReporter,
    bump_generation,
    fold,
    parse_iso_date,
)
from .schema import SOR

FIELDS = (
    "sor_id",
    "name",
    "level",
    "owner_type",
    "cvr",
    "ydernummer",
    "unit_type",
    "parent",
    "valid_from",
    "valid_to",
)
ALIASES = {
    "sor_kode": "sor_id",
    "sor-kode": "sor_id",
    "sorkode": "sor_id",
    "navn": "name",
    "niveau": "level",
    "ejerforhold": "owner_type",
    "ejertype": "owner_type",
    "enhedstype": "unit_type",
    "overordnet": "parent",
    "gyldig_fra": "valid_from",
    "gyldig_til": "valid_to",
    "speciale": "speciality",
    "hovedspeciale": "speciality",
}
OPTIONAL = ("speciality",)  # read when the file has it; not part of the starter file's columns
_SPECIALITY_TAGS = ("ClinicalSpecialityName", "SpecialityName", "ClinicalSpecialityCode")
OWNER_TYPES = {
    "statslig": "statslig",
    "stat": "statslig",
    "regional": "regional",
    "region": "regional",
    "kommunal": "kommunal",
    "kommune": "kommunal",
    "privat": "privat",
    "private": "privat",
}
NS = "{urn:oio:sundhedsstyrelsen:organisation:1.0.0}"
Unit = tuple  # (sor_id, name, level, owner_type, cvr, ydernummer, unit_type, parent, valid_from, valid_to, speciality)


def check_unit(values: dict[str, str | None], line_no: int) -> Unit:
    """Validate one unit's fields (raw strings or None) and return them in FIELDS order."""
    clean = {k: (v.strip() if isinstance(v, str) and v.strip() else None) for k, v in values.items()}
    sor_id = clean.get("sor_id")
    if not sor_id or not sor_id.isdigit():
        raise CatalogImportError(line_no, f"SOR code {sor_id!r} is missing or not digits")
    if not clean.get("name"):
        raise CatalogImportError(line_no, f"SOR unit {sor_id} has no name")
    level = clean.get("level")
    if level is not None:
        level = level.upper()
        if level not in ("SI", "OE"):
            raise CatalogImportError(line_no, f"level {level!r} is not SI or OE")
    owner = clean.get("owner_type")
    if owner is not None:
        if fold(owner) not in OWNER_TYPES:
            raise CatalogImportError(
                line_no, f"owner type {owner!r} is not statslig/regional/kommunal/privat"
            )
        owner = OWNER_TYPES[fold(owner)]
    cvr = clean.get("cvr")
    if cvr is not None and not (cvr.isdigit() and len(cvr) == 8):
        raise CatalogImportError(line_no, f"CVR {cvr!r} is not 8 digits")
    parent = clean.get("parent")
    if parent is not None and not parent.isdigit():
        raise CatalogImportError(line_no, f"parent SOR code {parent!r} is not digits")
    valid_from = parse_iso_date(clean.get("valid_from") or "", line_no, "valid_from")
    valid_to = parse_iso_date(clean.get("valid_to") or "", line_no, "valid_to")
    if valid_from and valid_to and valid_to < valid_from:
        raise CatalogImportError(line_no, f"valid_to {valid_to} is before valid_from {valid_from}")
    return (
        sor_id,
        clean["name"],
        level,
        owner,
        cvr,
        clean.get("ydernummer"),
        clean.get("unit_type"),
        parent,
        valid_from,
        valid_to,
        clean.get("speciality"),
    )


def read_sor_csv(text: str) -> list[Unit]:
    """Every unit of a SOR CSV text (see the module docstring for the columns)."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise CatalogImportError(1, "the header line is missing")
    delimiter = max((";", ",", "\t"), key=lines[0].count)
    # newline="" lets the csv module see every line ending itself (a bare CR inside a file included).
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return _read_rows(reader)
    except csv.Error as exc:
        raise CatalogImportError(reader.line_num, f"not readable as CSV ({exc})") from exc


def _read_rows(reader: Any) -> list[Unit]:
    header = [ALIASES.get(fold(h.strip()), fold(h.strip())) for h in next(reader)]
    unknown = [h for h in header if h not in FIELDS and h not in OPTIONAL]
    if unknown:
        raise CatalogImportError(1, f"unknown column(s) {', '.join(unknown)}; expected {', '.join(FIELDS)}")
    if "sor_id" not in header or "name" not in header:
        raise CatalogImportError(1, "the columns sor_id and name are required")
    units = []
    for row in reader:
        line_no = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise CatalogImportError(line_no, f"{len(row)} fields, {len(header)} expected")
        units.append(check_unit(dict(zip(header, row, strict=True)), line_no))
    return units


def _child_text(elem: ET.Element, name: str) -> str | None:
    found = elem.find(f"{NS}{name}")
    if found is None:
        found = elem.find(f".//{NS}{name}")
    return None if found is None or found.text is None else found.text.strip()


def read_sor_xml(path: Path) -> list[Unit]:
    """Every health institution and organisational unit of a SOR XML export."""
    units: list[Unit] = []
    stack: list[str | None] = []  # one entry per open *Entity element: its unit's SOR code once read
    owner_types: list[str | None] = []
    entity_tags = {
        f"{NS}InstitutionOwnerEntity",
        f"{NS}HealthInstitutionEntity",
        f"{NS}OrganizationalUnitEntity",
    }
    try:
        for event, elem in ET.iterparse(path, events=("start", "end")):
            if event == "start":
                if elem.tag in entity_tags:
                    stack.append(None)
                continue
            tag = elem.tag
            if tag == f"{NS}InstitutionOwner":
                owner = _child_text(elem, "OwnerType")
                owner_types.append(OWNER_TYPES.get(fold(owner)) if owner else None)
                if stack:
                    stack[-1] = _child_text(elem, "SorIdentifier")
                elem.clear()
            elif tag in (f"{NS}HealthInstitution", f"{NS}OrganizationalUnit"):
                level = "SI" if tag == f"{NS}HealthInstitution" else "OE"
                parent = next((sid for sid in reversed(stack[:-1]) if sid), None)
                unit_type = _child_text(elem, "InstitutionType") or _child_text(elem, "UnitType")
                values = {
                    "sor_id": _child_text(elem, "SorIdentifier"),
                    "name": _child_text(elem, "EntityName"),
                    "level": level,
                    "owner_type": owner_types[-1] if owner_types else None,
                    "ydernummer": _child_text(elem, "ProviderIdentifier"),
                    "unit_type": unit_type,
                    "parent": parent,
                    "valid_from": _child_text(elem, "FromDate"),
                    "valid_to": _child_text(elem, "ToDate"),
                    "speciality": next(
                        (text for tag in _SPECIALITY_TAGS if (text := _child_text(elem, tag))), None
                    ),
                }
                units.append(check_unit(values, 0))
                if stack:
                    stack[-1] = values["sor_id"]
                elem.clear()
            elif tag in entity_tags:
                stack.pop()
                if tag == f"{NS}InstitutionOwnerEntity" and owner_types:
                    owner_types.pop()
                elem.clear()
    except ET.ParseError as exc:
        raise CatalogImportError(exc.position[0], f"not well-formed XML ({exc.msg})") from None
    return units


def read_sor_file(path: Path) -> list[Unit]:
    """Units of a SOR file, XML when it starts with '<', else CSV."""
    raw = path.read_bytes()
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        units = read_sor_xml(path)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        units = read_sor_csv(text)
    if not units:
        raise CatalogImportError(0, "the file holds no SOR units")
    return units


def write_units(db: Database, units: list[Unit], source: str) -> dict[str, int]:
    """Upsert units by SOR code inside the caller's transaction; returns inserted/updated/unchanged."""
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    columns = FIELDS + OPTIONAL
    cols = ", ".join(columns)
    width = len(columns)
    existing = {row[0]: row for row in db.conn.execute(f"SELECT {cols}, source FROM {SOR}")}
    inserts, updates = [], []
    for unit in {u[0]: u for u in units}.values():
        old = existing.get(unit[0])
        if old is None:
            inserts.append((*unit, fold(unit[1]), source))
        elif tuple(old[:width]) != tuple(unit) or old[width] != source:
            updates.append((*unit[1:], fold(unit[1]), source, unit[0]))
        else:
            counts["unchanged"] += 1
    db.conn.executemany(
        f"INSERT INTO {SOR} ({cols}, name_key, source) VALUES ({', '.join('?' * (width + 2))})", inserts
    )
    sets = ", ".join(f"{f} = ?" for f in columns[1:])
    db.conn.executemany(f"UPDATE {SOR} SET {sets}, name_key = ?, source = ? WHERE sor_id = ?", updates)
    counts.update(inserted=len(inserts), updated=len(updates))
    return counts


def import_sor(db: Database, path: Path, progress: Progress | None = None) -> ImportResult:
    """Import a SOR CSV or XML file in one transaction; a bad unit raises CatalogImportError."""
    report = ProgressReporter(progress)
    units = read_sor_file(Path(path))
    report(0.5)
    with db.atomic():
        counts = write_units(db, units, "sor")
    report(1.0)
    bump_generation()
    return ImportResult({"read": len(units), **counts})
