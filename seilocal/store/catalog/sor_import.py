"""Import of SOR units (Sundhedsvæsenets Organisationsregister): SDS's SOR2 CSV files, our own CSV, SOR XML.

What is read (the file's first bytes decide, never its name):

- a ZIP (SDS's `Sor_complete.zip`): its `SOREntity*.csv` member, streamed from the archive (never unpacked
  to disk), read as the CSV below;
- XML: the old SOR export (namespace urn:oio:sundhedsstyrelsen:organisation:1.0.0, see `read_sor_xml`);
- CSV, either layout; lines are read at most `sor_csv.MAX_LINE` bytes at a time, in UTF-8 (BOM or not) or
  else Windows-1252, separated by `;`, `,` or a tab (the one the header uses most). Columns are found by
  name in any order; a column we do not use is ignored and counted (`ignored_columns` in the result).

SOR2 (`SorEntity_daily.csv`, the `SOREntity` file of `Sor_complete.zip`), one row per SOR entity (several per
entity, one per version, in the ZIP's history): cells may carry Excel's text guard `="..."`. Read: SorId (SOR
code), EntityName, SorType (SI/OE become our level; other types are kept with no level), EntityTypeName (unit
type), HealthInstitutionSorId/-EntityName (the SI a unit belongs to, and its parent unless the file names a
parent entity), InstitutionOwnerEntityTypeName (owner type, by word), FirstFromDate (first valid day; FromDate
is only the day of the latest change and stands in when FirstFromDate is blank), ToDate (last valid day),
PrioritizedEntitySpeciality1Name (speciality), OrganisationalLevelName, and where present the parent, owner
CVR and provider number (names assumed: `sor_columns`). Of several versions the one with the latest FromDate
is kept, valid from the earliest first day. A unit without CVR or owner type takes its SI's.

Our own CSV layout, columns matched case-insensitively, Danish names in brackets also accepted; only `sor_id`
and `name` are required, an empty cell is null:

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

XML: InstitutionOwner gives the owner type (when written as a word) and is the parent of its
HealthInstitution units (level SI); each OrganizationalUnit (level OE) has the nearest enclosing unit as
parent. Read per unit: SorIdentifier, EntityName, InstitutionType or UnitType, ProviderIdentifier
(ydernummer), FromDate and ToDate, and the first ClinicalSpecialityName / SpecialityName /
ClinicalSpecialityCode found in the unit (its speciality).

The whole file is read and checked first; then units are upserted by SOR code in one transaction. Units
missing from the file are kept. A refusal is a SorImportError (kind, values, line number); nothing is written.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import IO

from sqlite_utils import Database

from seilocal.refusals import Kind

from .common import (
    ImportResult,
    Progress,
    ProgressReporter,
    bump_generation,
    fold,
)
from .schema import SOR, SOR_GRAMS
from .sor_csv import BOM, CsvLayout, NotUtf8, rows, sor2_owner_type
from .sor_errors import SorImportError

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
# Read when the file has them; not part of the starter file's columns.
OPTIONAL = ("speciality", "si_id", "si_name", "sor_type", "org_level")
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
MAX_ZIP_MEMBER = 2 << 30  # bytes unpacked; SDS's SOREntity with history is a few hundred MB
_ZIP_MEMBER = re.compile(r"sorentity[^/]*\.csv")
# (sor_id, name, level, owner_type, cvr, ydernummer, unit_type, parent, valid_from, valid_to,
#  speciality, si_id, si_name, sor_type, org_level)
Unit = tuple[str | None, ...]
Values = dict[str, str | None]  # our field -> its value in one record


def _iso_date(raw: str | None, line_no: int, column: str) -> str | None:
    """An ISO date (a longer timestamp is cut to its date). SOR2's date format is not documented to us:
    DD-MM-YYYY, DD.MM.YYYY and YYYYMMDD are read too."""
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        if len(raw) >= 10 and raw[4] == "-":
            return date.fromisoformat(raw[:10]).isoformat()
        if len(raw) >= 10 and raw[2] in "-./" and raw[5] == raw[2]:
            return date(int(raw[6:10]), int(raw[3:5]), int(raw[:2])).isoformat()
        if len(raw) == 8 and raw.isdigit():
            return date(int(raw[:4]), int(raw[4:6]), int(raw[6:])).isoformat()
    except ValueError:
        pass
    raise SorImportError(Kind.BAD_DATE, line_no, column=column, value=raw)


def check_unit(values: dict[str, str | None], line_no: int) -> Unit:
    """Validate one unit's fields (raw strings or None) and return them in FIELDS + OPTIONAL order."""
    clean = {k: (v.strip() if isinstance(v, str) and v.strip() else None) for k, v in values.items()}
    sor_id = clean.get("sor_id")
    if not sor_id or not sor_id.isdigit():
        raise SorImportError(Kind.BAD_SOR_ID, line_no, value=sor_id)
    if not clean.get("name"):
        raise SorImportError(Kind.NO_NAME, line_no, sor_id=sor_id)
    level = clean.get("level")
    if level is not None:
        level = level.upper()
        if level not in ("SI", "OE"):
            raise SorImportError(Kind.BAD_LEVEL, line_no, value=level)
    owner = clean.get("owner_type")
    if owner is not None:
        if fold(owner) not in OWNER_TYPES:
            raise SorImportError(Kind.BAD_OWNER, line_no, value=owner)
        owner = OWNER_TYPES[fold(owner)]
    cvr = clean.get("cvr")
    if cvr is not None and not (cvr.isdigit() and len(cvr) == 8):
        raise SorImportError(Kind.BAD_CVR, line_no, value=cvr)
    for key in ("parent", "si_id"):
        value = clean.get(key)
        if value is not None and not value.isdigit():
            raise SorImportError(Kind.BAD_PARENT, line_no, value=value)
    valid_from = _iso_date(clean.get("valid_from"), line_no, "valid_from")
    valid_to = _iso_date(clean.get("valid_to"), line_no, "valid_to")
    if valid_from and valid_to and valid_to < valid_from:
        raise SorImportError(Kind.DATES_REVERSED, line_no, to=valid_to, frm=valid_from)
    return (
        sor_id,
        clean["name"],
        level,
        owner,
        cvr,
        clean.get("ydernummer"),
        clean.get("unit_type"),
        clean.get("parent"),
        valid_from,
        valid_to,
        *(clean.get(key) for key in OPTIONAL),
    )


# -- CSV ---------------------------------------------------------------------------------------------------


# SDS writes SorType as SI/OE; should a file spell the type out, the level is still read.
_LEVEL_WORDS = {"sundhedsinst": "SI", "organisatori": "OE"}


def _sor2_values(v: dict[str, str | None], layout: CsvLayout, line_no: int) -> tuple[str, Values]:
    """Our fields of one SorEntity row, and the key that orders its versions (FromDate)."""
    sor_id = v.get("sor_id")
    sor_type = (v.get("sor_type") or "").upper() or None
    level = _LEVEL_WORDS.get(fold(sor_type or "")[:12], sor_type if sor_type in ("SI", "OE") else None)
    si_id = v.get("si_id")
    if si_id == sor_id:  # an SI names itself as its own health institution
        si_id = None
    parent = v.get("parent") or (v.get("owner_id") if level == "SI" else si_id)
    from_date = _iso_date(v.get("from_date"), line_no, layout.names.get("from_date", "FromDate"))
    first = _iso_date(v.get("first_from_date"), line_no, layout.names.get("first_from_date", "FirstFromDate"))
    starts = [d for d in (first, from_date) if d]
    values = {
        "sor_id": sor_id,
        "name": v.get("name"),
        "level": level,
        "owner_type": sor2_owner_type(v.get("owner_type")),
        "cvr": v.get("cvr"),
        "ydernummer": v.get("ydernummer"),
        "unit_type": v.get("unit_type"),
        "parent": None if parent == sor_id else parent,
        "valid_from": min(starts) if starts else None,
        "valid_to": _iso_date(v.get("to_date"), line_no, layout.names.get("to_date", "ToDate")),
        "speciality": v.get("speciality"),
        "si_id": si_id,
        "si_name": v.get("si_name") if si_id else None,
        "sor_type": sor_type,
        "org_level": v.get("org_level"),
    }
    return from_date or "", values


def _merge_versions(found: dict[str, tuple[int, str, Values]], line_no: int, key: str, values: Values) -> None:
    """Keep the latest version of a unit (by FromDate), valid from the earliest first day of any version."""
    old = found.get(values["sor_id"] or "")
    if old is None:
        found[values["sor_id"] or ""] = (line_no, key, values)
        return
    starts = [d for d in (old[2]["valid_from"], values["valid_from"]) if d]
    keep = (line_no, key, values) if key >= old[1] else old
    keep[2]["valid_from"] = min(starts) if starts else None
    found[values["sor_id"] or ""] = keep


def _inherit_from_si(found: dict[str, tuple[int, str, Values]]) -> None:
    """A unit without CVR or owner type takes its SI's (SOR2 may carry them on the SI row only)."""
    for _, _, values in found.values():
        si = found.get(values["si_id"] or "")
        if si is None:
            continue
        for key in ("cvr", "owner_type"):
            if values[key] is None:
                values[key] = si[2][key]


def _units_of_rows(records: Iterator[tuple[int, list[str]]]) -> tuple[list[Unit], int]:
    _, header = next(records)
    layout = CsvLayout(header)
    units: list[Unit] = []
    found: dict[str, tuple[int, str, Values]] = {}
    for line_no, row in records:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != layout.width:
            raise SorImportError(Kind.BAD_FIELDS, line_no, found=len(row), expected=layout.width)
        values = layout.values(row)
        if layout.sor2:
            if not values.get("sor_id"):  # checked here: the merge keys on it
                raise SorImportError(Kind.BAD_SOR_ID, line_no, value=values.get("sor_id"))
            key, ours = _sor2_values(values, layout, line_no)
            _merge_versions(found, line_no, key, ours)
        else:
            units.append(check_unit(values, line_no))
    if layout.sor2:
        _inherit_from_si(found)
        units = [check_unit(values, line_no) for line_no, _, values in found.values()]
    return units, layout.ignored


def read_sor_csv(
    opener: Callable[[], IO[bytes]], size: int = 0, progress: Callable[[float], None] | None = None
) -> tuple[list[Unit], int]:
    """Every unit of a SOR CSV stream (either layout) and the number of columns ignored.

    `opener` gives the stream from its start; it is called again when the file turns out not to be UTF-8.
    """
    def by_bytes(done: int) -> None:
        if progress is not None and size:
            progress(done / size)

    for encoding in ("utf-8", "cp1252"):
        with opener() as stream:
            try:
                return _units_of_rows(rows(stream, encoding, by_bytes))
            except NotUtf8:
                continue
    raise AssertionError("unreachable: cp1252 decodes every byte")


# -- XML ---------------------------------------------------------------------------------------------------

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
        raise SorImportError(Kind.BAD_XML, exc.position[0], reason=exc.msg) from None
    return units


# -- files, ZIP, writing -----------------------------------------------------------------------------------


def _read_zip(path: Path, progress: Callable[[float], None] | None) -> tuple[list[Unit], int]:
    """The SOREntity CSV member of a ZIP (SDS's Sor_complete.zip), read straight from the archive."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = [i for i in archive.infolist() if not i.is_dir()]
            picked = [i for i in members if _ZIP_MEMBER.fullmatch(fold(i.filename.rsplit("/", 1)[-1]))]
            if not picked:
                names = ", ".join(i.filename for i in members[:10]) or "nothing"
                raise SorImportError(Kind.ZIP_NO_ENTITY, members=names)
            # SOREntity.csv itself before e.g. a SorEntity_daily.csv packed beside it
            info = min(picked, key=lambda i: (fold(i.filename.rsplit("/", 1)[-1]) != "sorentity.csv", i.filename))
            if info.file_size > MAX_ZIP_MEMBER:
                raise SorImportError(Kind.ZIP_TOO_LARGE, limit_mb=MAX_ZIP_MEMBER >> 20)
            return read_sor_csv(lambda: archive.open(info), info.file_size, progress)
    # zipfile lets more than BadZipFile escape from a damaged archive (the bundle reader met them all; an
    # encrypted member is a RuntimeError).
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, zlib.error, RuntimeError,
            IndexError, ValueError, OSError) as exc:
        raise SorImportError(Kind.ZIP_BAD, reason=str(exc) or type(exc).__name__) from None


def read_sor_file(path: Path, progress: Callable[[float], None] | None = None) -> tuple[list[Unit], int | None]:
    """Units of a SOR file (ZIP, XML or CSV by its first bytes) and the CSV columns ignored (None for XML)."""
    with path.open("rb") as probe:
        head = probe.read(4096)
    if head.startswith(b"PK\x03\x04"):
        units, ignored = _read_zip(path, progress)
    elif head.lstrip(BOM + b" \t\r\n").startswith(b"<"):
        units, ignored = read_sor_xml(path), None
    else:
        units, ignored = read_sor_csv(lambda: path.open("rb"), path.stat().st_size, progress)
    if not units:
        raise SorImportError(Kind.NO_UNITS)
    return units, ignored


def write_units(db: Database, units: list[Unit], source: str) -> dict[str, int]:
    """Upsert units by SOR code inside the caller's transaction; returns inserted/updated/unchanged.

    A unit given with fewer fields (the starter file's FIELDS) has the rest null.
    """
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    columns = FIELDS + OPTIONAL
    cols = ", ".join(columns)
    width = len(columns)
    existing = {row[0]: row for row in db.conn.execute(f"SELECT {cols}, source FROM {SOR}")}
    inserts, updates = [], []
    for unit in {u[0]: (*u, *(None,) * (width - len(u))) for u in units}.values():
        old = existing.get(unit[0])
        if old is None:
            inserts.append((*unit, fold(unit[1] or ""), source))
        elif tuple(old[:width]) != tuple(unit) or old[width] != source:
            updates.append((*unit[1:], fold(unit[1] or ""), source, unit[0]))
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
    """Import a SOR file (SOR2 CSV or ZIP, our CSV, SOR XML) in one transaction; a refusal changes nothing."""
    report = ProgressReporter(progress)
    units, ignored = read_sor_file(Path(path), lambda fraction: report(0.8 * fraction))
    report(0.8)
    with db.atomic():
        # Row triggers on the name index cost ~4x a rebuild for a full file; the rebuild also re-aligns
        # the index with the table's rowids should they ever have moved.
        triggers = db.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (SOR,)
        ).fetchall()
        for name, _ in triggers:
            db.execute(f"DROP TRIGGER {name}")
        counts = write_units(db, units, "sor")
        if counts["inserted"] or counts["updated"]:
            db.execute(f"INSERT INTO {SOR_GRAMS}({SOR_GRAMS}) VALUES ('rebuild')")
        for _, sql in triggers:
            db.execute(sql)
    report(1.0)
    bump_generation()
    extra = {} if ignored is None else {"ignored_columns": ignored}
    return ImportResult({"read": len(units), **counts, **extra})

