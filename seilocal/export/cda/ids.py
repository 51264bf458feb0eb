"""Identity, codes and time stamps of LPR3 CDA documents: stable UUIDv5 ids and Danish local time with offset."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

CPH = ZoneInfo("Europe/Copenhagen")

# Our own namespace: every UUIDv5 of a course derives from it and the forløbsID, so every installation gives
# the same ids for the same course and rows, and no other submitter's ids can collide with ours.
APP_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:seilocal:lpr3-cda")

SKS = "1.2.208.176.2.4"
SKS_NAME = "Sundhedsvæsenets Klassifikations System"
SOR = "1.2.208.176.1.1"
CPR = "1.2.208.176.1.2"
CVR = "2.16.840.1.113883.2.24.1.1"
LOINC = "2.16.840.1.113883.6.1"
HL7 = "urn:hl7-org:v3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

_UUID = re.compile(r"^[A-Fa-f\d]{8}-[A-Fa-f\d]{4}-[A-Fa-f\d]{4}-[A-Fa-f\d]{4}-[A-Fa-f\d]{12}$")
_TS = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?(?:\.\d+)?([+-]\d{4})?$")


def is_uuid(text: str | None) -> bool:
    """Whether the text is a UUID in the 8-4-4-4-12 form the schematron requires."""
    return bool(text and _UUID.match(text))


@lru_cache(maxsize=64)
def course_namespace(course_id: str) -> uuid.UUID:
    """The UUIDv5 namespace of one course (forløbsID)."""
    return uuid.uuid5(APP_NAMESPACE, course_id.strip().lower())


def set_id(course_id: str) -> str:
    """The document set id of a form: the same for every version of the course."""
    return str(uuid.uuid5(course_namespace(course_id), "setId")).upper()


def document_id(course_id: str, version: int) -> str:
    """The ClinicalDocument id of one version: new per version, the same when the version is exported again."""
    return str(uuid.uuid5(course_namespace(course_id), f"document/{version}"))


@lru_cache(maxsize=16384)
def row_id(course_id: str, kind: str, own_id: str) -> str:
    """The durable UUIDv5 of a row (contact, diagnosis, procedure, marker, result report) of a course."""
    return str(uuid.uuid5(course_namespace(course_id), f"{kind}/{own_id.strip().lower()}"))


# Large enough for every distinct time of a 1,000-contact form (~10,000): a smaller LRU cache thrashes.
@lru_cache(maxsize=65536)
def cda_time(text: str) -> str:
    """`YYYY-MM-DDTHH:MM:SS` Danish wall-clock time as a CDA TS with its offset (+0100 winter, +0200 summer).

    A wall-clock time that occurs twice (the autumn hour) is read as the first (summer) one, one that does not
    exist (the spring gap) is shifted by zoneinfo's rule: fold=0, as Python does everywhere else.
    """
    local = datetime.fromisoformat(text.strip())
    if local.tzinfo is None:
        local = local.replace(tzinfo=CPH)
    local = local.astimezone(CPH)
    return local.strftime("%Y%m%d%H%M%S%z")


def from_cda_time(value: str) -> str:
    """A CDA TS (with or without offset) as Danish wall-clock time `YYYY-MM-DDTHH:MM:SS`; ValueError if unreadable."""
    match = _TS.match(value.strip())
    if not match:
        raise ValueError(f"not a CDA time stamp: {value!r}")
    year, month, day, hour, minute, second, offset = match.groups()
    moment = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    if offset and offset not in ("-0000",):  # -0000 is HL7's "offset unknown": keep the wall-clock time
        sign = 1 if offset[0] == "+" else -1
        zone = timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5])))
        moment = moment.replace(tzinfo=zone).astimezone(CPH).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


def replacement_root(author_unit: str) -> str:
    """The id root of replacement CPR numbers issued by a practice (derived from its reporting SOR unit)."""
    return str(uuid.uuid5(APP_NAMESPACE, f"replacement-cpr/{author_unit.strip()}")).upper()
