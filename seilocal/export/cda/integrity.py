"""Checks done before a CDA document is written (LPR3's level 3 "integrity", as far as we can know it here).

Everything the XSD and schematron require of a value the form may lack, plus: CPR/replacement CPR readable,
author SOR unit and custodian CVR present, every id a UUID, every time readable, every result report's
trigger found in the form, and (with a catalog) no SKS code or SOR unit the catalog knows to be invalid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from seilocal.model import Form
from seilocal.model.cpr import check_cpr

from .ids import is_uuid

if TYPE_CHECKING:
    from .build import Header

# The shape of a code; whether it exists is the catalog's question (the schematron checks only the code system).
_SKS = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.]{0,29}$")
_PATIENT_ID = re.compile(r"^[0-9A-Za-z]{1,20}$")
_SOR = re.compile(r"^\d{6,20}$")
_CVR = re.compile(r"^\d{8}$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")


class IntegrityError(ValueError):
    """The form cannot be written as a valid LPR3 document; `problems` says every reason in English."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("cannot write the LPR3 document: " + "; ".join(problems))
        self.problems = problems


def _code(where: str, value: str | None, required: bool = True) -> Iterator[str]:
    if value is None or not value.strip():
        if required:
            yield f"{where}: no code"
    elif not _SKS.match(value.strip()):
        yield f"{where}: {value!r} is not an SKS code"


def _time(where: str, value: str | None, required: bool = True) -> Iterator[str]:
    if value is None or not value.strip():
        if required:
            yield f"{where}: no time"
        return
    if not _TIME.match(value.strip()):
        yield f"{where}: {value!r} is not a time"
        return
    try:
        datetime.fromisoformat(value.strip())
    except ValueError:
        yield f"{where}: {value!r} is not a time"


def _unit(where: str, value: str | None, required: bool = True) -> Iterator[str]:
    if value is None or not value.strip():
        if required:
            yield f"{where}: no SOR unit"
    elif not _SOR.match(value.strip()):
        yield f"{where}: {value!r} is not a SOR id"


def _present(where: str, value: str | None) -> Iterator[str]:
    if value is None or not value.strip():
        yield f"{where}: missing"


def _patient(form: Form) -> Iterator[str]:
    """A CPR number, a replacement number, or (imported documents) another alternative identifier."""
    number = (check_cpr(form.patient.cpr).normalized or form.patient.cpr or "").strip()
    if not _PATIENT_ID.match(number):
        yield "patient: no CPR or replacement CPR number"


def _structure(form: Form, header: Header) -> Iterator[str]:
    from .build import has_course_entry

    yield from _unit("reporting unit (practice profile)", header.author_unit)
    if not _CVR.match((header.custodian_cvr or "").strip()):
        yield "practice profile: no CVR number (8 digits) for the document's custodian"
    yield from _time("submission time", header.effective)
    yield from _patient(form)
    if not is_uuid(form.course.id):
        yield "course: the forløbsID is not a UUID"
    course, ref = form.course, form.referral
    if has_course_entry(form):
        yield from _time("course start", course.start)
        yield from _time("course end", course.end, required=False)
        yield from _unit("course responsible unit", course.responsible_unit)
        yield from _code("course label", course.label)
        yield from _code("course start marker", course.start_marker, required=False)
        yield from _code("course completion", course.completion, required=False)
        yield from _time("referral time", ref.time)
        yield from _unit("referring unit", ref.referring_unit, required=False)
        yield from _code("referral method", ref.method)
        yield from _code("referral free choice", ref.free_choice)
        yield from _code("referral reason", ref.reason, required=False)
        if bool(ref.reference_id) != bool(ref.reference_type):
            yield "referral: a course reference needs both its id and its type"
        if ref.reference_id and not is_uuid(ref.reference_id.strip()):
            yield "referral: the referenced course id is not a UUID"
        yield from _code("referral reference type", ref.reference_type, required=False)
        for n, marker in enumerate(form.markers, 1):
            yield from _code(f"marker {n}", marker.code)
            yield from _time(f"marker {n}", marker.time)
    for n, contact in enumerate(form.contacts, 1):
        where = f"contact {n}"
        yield from _time(f"{where} start", contact.start)
        yield from _time(f"{where} end", contact.end, required=False)
        yield from _code(f"{where} type", contact.type)
        yield from _code(f"{where} priority", contact.priority)
        yield from _code(f"{where} reason", contact.reason, required=False)
        yield from _unit(f"{where} responsible unit", contact.responsible_unit or course.responsible_unit)
        for m, diagnosis in enumerate(contact.diagnoses, 1):
            yield from _code(f"{where} diagnosis {m}", diagnosis.code)
            yield from _code(f"{where} diagnosis {m} side", diagnosis.side, required=False)
            for code in diagnosis.supplementary + diagnosis.metastases + diagnosis.local_recurrences:
                yield from _code(f"{where} diagnosis {m} additional code", code)
        for m, procedure in enumerate(contact.procedures, 1):
            yield from _procedure(f"{where} procedure {m}", procedure, contact.responsible_unit
                                  or course.responsible_unit)
    if form.contacts:
        pay = form.payment
        yield from _code("payment agreement", pay.agreement)
        yield from _present("payment payer", pay.payer)
        yield from _code("payment specialisation level", pay.specialisation_level)
    for n, procedure in enumerate(form.procedures, 1):
        where = f"procedure without contact {n}"
        yield from _procedure(where, procedure, course.responsible_unit)
        if procedure.payment is not None and any((procedure.payment.agreement, procedure.payment.payer,
                                                  procedure.payment.specialisation_level)):
            yield from _code(f"{where} payment agreement", procedure.payment.agreement)
            yield from _present(f"{where} payment payer", procedure.payment.payer)
            yield from _code(f"{where} payment specialisation level", procedure.payment.specialisation_level)
    targets = _trigger_ids(form)
    for n, report in enumerate(form.result_reports, 1):
        where = f"result report {n}"
        yield from _code(f"{where} name", report.name)
        yield from _time(f"{where} time", report.time, required=False)
        if not report.results:
            yield f"{where}: no results"
        for code in report.results:
            yield from _code(f"{where} result type", code)
        if (report.trigger.ref or form.course.id).strip() not in targets:
            yield f"{where}: its trigger is not in the form"


def _procedure(where: str, procedure: Any, unit: str | None) -> Iterator[str]:
    yield from _code(where, procedure.code)
    yield from _time(f"{where} start", procedure.start)
    yield from _time(f"{where} end", procedure.end, required=False)
    yield from _unit(f"{where} producer", procedure.producer or unit)
    for label, value in (("side", procedure.side), ("handlingsspecifikation", procedure.action_spec),
                         ("contrast", procedure.contrast), ("staff category", procedure.staff_category)):
        yield from _code(f"{where} {label}", value, required=False)
    for code in procedure.supplementary:
        yield from _code(f"{where} additional code", code)


def _trigger_ids(form: Form) -> set[str]:
    ids = {form.course.id.strip()} | {m.id for m in form.markers}
    for contact in form.contacts:
        ids |= {contact.id} | {d.id for d in contact.diagnoses} | {p.id for p in contact.procedures}
    return ids | {p.id for p in form.procedures}


def _catalog_problems(form: Form, catalog: Any) -> Iterator[str]:
    """Codes and units the catalog knows to be invalid (an unknown one passes: the bundled catalog is partial)."""
    data = form.model_dump(exclude={"patient", "format", "form_no", "status"})
    seen: set[str] = set()

    def walk(item: Any, key: str = "") -> Iterator[tuple[str, str]]:
        if isinstance(item, dict):
            for k, v in item.items():
                if k in ("id", "ref", "reference_id", "results"):
                    continue
                yield from walk(v, k)
        elif isinstance(item, list):
            for v in item:
                yield from walk(v, key)
        elif isinstance(item, str) and item.strip() and key not in ("start", "end", "time", "name"):
            yield key, item.strip()

    for _key, value in walk(data):
        if value in seen:
            continue
        seen.add(value)
        if _SOR.match(value):
            if catalog.sor_valid(value) is False:
                yield f"SOR unit {value} is not valid in the catalog"
        elif _SKS.match(value) and catalog.is_valid(value) is False:
            yield f"SKS code {value} is not valid in the catalog"


def check_integrity(form: Form, header: Header, cancellation: bool = False, catalog: Any = None) -> None:
    """Raise IntegrityError listing every reason the form cannot be written as an LPR3 document."""
    if cancellation:
        problems = list(_unit("reporting unit (practice profile)", header.author_unit))
        if not _CVR.match((header.custodian_cvr or "").strip()):
            problems.append("practice profile: no CVR number (8 digits) for the document's custodian")
        problems += list(_patient(form))
        if not is_uuid(form.course.id):
            problems.append("course: the forløbsID is not a UUID")
    else:
        problems = list(_structure(form, header))
        if catalog is not None:
            problems += list(_catalog_problems(form, catalog))
    if problems:
        raise IntegrityError(problems)
