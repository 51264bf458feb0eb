"""Checks done before a CDA document is written (LPR3's level 3 "integrity", as far as we can know it here).

Everything the XSD and schematron require of a value the form may lack, plus: CPR/replacement CPR readable,
author SOR unit and custodian CVR present, every id a UUID, every time readable, every result report's
trigger found in the form, and (with a catalog) no SKS code or SOR unit the catalog knows to be invalid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from seilocal.model import Form
from seilocal.model.cpr import check_cpr

from .header import Header, has_course_entry
from .ids import is_uuid

# The shape of a code; whether it exists is the catalog's question (the schematron checks only the code system).
_SKS = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.]{0,29}$")
_PATIENT_ID = re.compile(r"^[0-9A-Za-z]{1,20}$")
_SOR = re.compile(r"^\d{6,20}$")
_CVR = re.compile(r"^\d{8}$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")


@dataclass(frozen=True)
class Problem:
    """One reason a document cannot be written: its kind, the field (a form path, or `profile.cvr` /
    `profile.responsible_unit`), the value at fault, and where it is in English words.

    Rendered per language by template (`english` here; Danish in `seilocal.export.refusal`)."""

    kind: str
    path: str
    where: str
    value: str | None = None

    @property
    def english(self) -> str:
        return _ENGLISH[self.kind].format(where=self.where, value=self.value)


# English templates of each kind (the Danish ones are in seilocal/export/refusal.py).
_ENGLISH = {
    "no_code": "{where}: no code",
    "not_code": "{where}: {value!r} is not an SKS code",
    "no_time": "{where}: no time",
    "not_time": "{where}: {value!r} is not a time",
    "no_unit": "{where}: no SOR unit",
    "not_sor": "{where}: {value!r} is not a SOR id",
    "missing": "{where}: missing",
    "no_cvr": "practice profile: no CVR number (8 digits) for the document's custodian",
    "no_patient": "patient: no CPR or replacement CPR number",
    "course_not_uuid": "course: the forløbsID is not a UUID",
    "reference_half": "referral: a course reference needs both its id and its type",
    "reference_not_uuid": "referral: the referenced course id is not a UUID",
    "no_results": "{where}: no results",
    "trigger_missing": "{where}: its trigger is not in the form",
    "catalog_unit": "SOR unit {value} is not valid in the catalog",
    "catalog_code": "SKS code {value} is not valid in the catalog",
    "bad_text": "{where}: holds a control character a document cannot hold",
    "text": "{where}",
    "build_failed": "{where} could not be written ({value})",
}


class IntegrityError(ValueError):
    """The form cannot be written as a valid LPR3 document; `problems` says every reason in English,
    `items` holds them as `Problem`s (kind, field, value) for a message in another language."""

    def __init__(self, problems: list[Problem] | list[str]) -> None:
        items = [p if isinstance(p, Problem) else Problem("text", "", p) for p in problems]
        texts = [p.english if isinstance(p, Problem) else p for p in problems]
        super().__init__("cannot write the LPR3 document: " + "; ".join(texts))
        self.problems = texts
        self.items = items


def _code(where: str, path: str, value: str | None, required: bool = True) -> Iterator[Problem]:
    if value is None or not value.strip():
        if required:
            yield Problem("no_code", path, where)
    elif not _SKS.match(value.strip()):
        yield Problem("not_code", path, where, value)


def _time(where: str, path: str, value: str | None, required: bool = True) -> Iterator[Problem]:
    if value is None or not value.strip():
        if required:
            yield Problem("no_time", path, where)
        return
    if not _TIME.match(value.strip()):
        yield Problem("not_time", path, where, value)
        return
    try:
        datetime.fromisoformat(value.strip())
    except ValueError:
        yield Problem("not_time", path, where, value)


def _unit(where: str, path: str, value: str | None, required: bool = True) -> Iterator[Problem]:
    if value is None or not value.strip():
        if required:
            yield Problem("no_unit", path, where)
    elif not _SOR.match(value.strip()):
        yield Problem("not_sor", path, where, value)


def _present(where: str, path: str, value: str | None) -> Iterator[Problem]:
    if value is None or not value.strip():
        yield Problem("missing", path, where)


def _patient(form: Form) -> Iterator[Problem]:
    """A CPR number, a replacement number, or (imported documents) another alternative identifier."""
    number = (check_cpr(form.patient.cpr).normalized or form.patient.cpr or "").strip()
    if not _PATIENT_ID.match(number):
        yield Problem("no_patient", "patient.cpr", "patient")


def _profile(header: Header) -> Iterator[Problem]:
    yield from _unit("reporting unit (practice profile)", "profile.responsible_unit", header.author_unit)
    if not _CVR.match((header.custodian_cvr or "").strip()):
        yield Problem("no_cvr", "profile.cvr", "practice profile")


# Characters XML 1.0 cannot hold (lxml refuses them when the document is written).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _texts(data: object, path: str = "") -> Iterator[Problem]:
    """Every text of the form with a control character (a name pasted from elsewhere): the writer would fail."""
    if isinstance(data, str):
        if _CONTROL.search(data):
            yield Problem("bad_text", path, path or "form")
    elif isinstance(data, dict):
        for key, item in data.items():
            yield from _texts(item, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for n, item in enumerate(data):
            yield from _texts(item, f"{path}[{n}]")


# In the form's JSON (pydantic writes it in Rust, ~5x faster than walking its dump in Python): the escapes of the
# C0 control characters (\b, \f or \u00XX) and U+FFFE/U+FFFF, which JSON leaves as they are. A match may be a
# typed backslash (`\\b`); then the walk decides. No match: no text has a character `_CONTROL` finds.
_CONTROL_JSON = re.compile(r"\\(?:u00[01][0-9A-Fa-f]|[bf])|[\ufffe\uffff]")
_FORM_TEXTS = {"format", "form_no", "status"}  # not written into a document


def form_texts(form: Form) -> Iterator[Problem]:
    """`_texts` of the whole form, walked only when its JSON shows a control character may be there."""
    try:
        text = form.model_dump_json(exclude=_FORM_TEXTS)
    except ValueError:  # a lone surrogate (no UTF-8 for it): the walk passes it, the writer refuses it as before
        text = "\\b"
    # `in` first: a search of the regex over a 1,000-contact form's 1.3 MB of JSON costs ~11 ms, `in` ~0.01 ms.
    if "\\" not in text and "\ufffe" not in text and "\uffff" not in text:
        return
    if _CONTROL_JSON.search(text) is None:
        return
    yield from _texts(form.model_dump(mode="json", exclude=_FORM_TEXTS))


def _structure(form: Form, header: Header) -> Iterator[Problem]:
    yield from _profile(header)
    yield from _time("submission time", "", header.effective)
    yield from _patient(form)
    yield from form_texts(form)
    if not is_uuid(form.course.id):
        yield Problem("course_not_uuid", "course.id", "course")
    course, ref = form.course, form.referral
    if has_course_entry(form):
        yield from _time("course start", "course.start", course.start)
        yield from _time("course end", "course.end", course.end, required=False)
        yield from _unit("course responsible unit", "course.responsible_unit", course.responsible_unit)
        yield from _code("course label", "course.label", course.label)
        yield from _code("course start marker", "course.start_marker", course.start_marker, required=False)
        yield from _code("course completion", "course.completion", course.completion, required=False)
        yield from _time("referral time", "referral.time", ref.time)
        yield from _unit("referring unit", "referral.referring_unit", ref.referring_unit, required=False)
        yield from _code("referral method", "referral.method", ref.method)
        yield from _code("referral free choice", "referral.free_choice", ref.free_choice)
        yield from _code("referral reason", "referral.reason", ref.reason, required=False)
        if bool(ref.reference_id) != bool(ref.reference_type):
            yield Problem("reference_half", "referral.reference_id", "referral")
        if ref.reference_id and not is_uuid(ref.reference_id.strip()):
            yield Problem("reference_not_uuid", "referral.reference_id", "referral")
        yield from _code("referral reference type", "referral.reference_type", ref.reference_type, required=False)
        for n, marker in enumerate(form.markers, 1):
            yield from _code(f"marker {n}", f"markers[{n - 1}].code", marker.code)
            yield from _time(f"marker {n}", f"markers[{n - 1}].time", marker.time)
    for n, contact in enumerate(form.contacts, 1):
        where, at = f"contact {n}", f"contacts[{n - 1}]"
        yield from _time(f"{where} start", f"{at}.start", contact.start)
        yield from _time(f"{where} end", f"{at}.end", contact.end, required=False)
        yield from _code(f"{where} type", f"{at}.type", contact.type)
        yield from _code(f"{where} priority", f"{at}.priority", contact.priority)
        yield from _code(f"{where} reason", f"{at}.reason", contact.reason, required=False)
        yield from _unit(f"{where} responsible unit", f"{at}.responsible_unit",
                         contact.responsible_unit or course.responsible_unit)
        for m, diagnosis in enumerate(contact.diagnoses, 1):
            d_at = f"{at}.diagnoses[{m - 1}]"
            yield from _code(f"{where} diagnosis {m}", f"{d_at}.code", diagnosis.code)
            yield from _code(f"{where} diagnosis {m} side", f"{d_at}.side", diagnosis.side, required=False)
            for field in ("supplementary", "metastases", "local_recurrences"):
                for code in getattr(diagnosis, field):
                    yield from _code(f"{where} diagnosis {m} additional code", f"{d_at}.{field}", code)
        for m, procedure in enumerate(contact.procedures, 1):
            yield from _procedure(f"{where} procedure {m}", f"{at}.procedures[{m - 1}]", procedure,
                                  contact.responsible_unit or course.responsible_unit)
    if form.contacts:
        pay = form.payment
        yield from _code("payment agreement", "payment.agreement", pay.agreement)
        yield from _present("payment payer", "payment.payer", pay.payer)
        yield from _code("payment specialisation level", "payment.specialisation_level", pay.specialisation_level)
    for n, procedure in enumerate(form.procedures, 1):
        where, at = f"procedure without contact {n}", f"procedures[{n - 1}]"
        yield from _procedure(where, at, procedure, course.responsible_unit)
        if procedure.payment is not None and any((procedure.payment.agreement, procedure.payment.payer,
                                                  procedure.payment.specialisation_level)):
            yield from _code(f"{where} payment agreement", f"{at}.payment.agreement", procedure.payment.agreement)
            yield from _present(f"{where} payment payer", f"{at}.payment.payer", procedure.payment.payer)
            yield from _code(f"{where} payment specialisation level", f"{at}.payment.specialisation_level",
                             procedure.payment.specialisation_level)
    targets = _trigger_ids(form)
    for n, report in enumerate(form.result_reports, 1):
        where, at = f"result report {n}", f"result_reports[{n - 1}]"
        yield from _code(f"{where} name", f"{at}.name", report.name)
        yield from _time(f"{where} time", f"{at}.time", report.time, required=False)
        filled = {code: value for code, value in report.results.items() if value and value.strip()}
        if not filled:  # empty results are not written, and the organizer needs one (10.88)
            yield Problem("no_results", f"{at}.results", where)
        for code in filled:
            yield from _code(f"{where} result type", f"{at}.results.{code}", code)
        if (report.trigger.ref or form.course.id).strip() not in targets:
            yield Problem("trigger_missing", f"{at}.trigger", where)


def _procedure(where: str, at: str, procedure: Any, unit: str | None) -> Iterator[Problem]:
    yield from _code(where, f"{at}.code", procedure.code)
    yield from _time(f"{where} start", f"{at}.start", procedure.start)
    yield from _time(f"{where} end", f"{at}.end", procedure.end, required=False)
    yield from _unit(f"{where} producer", f"{at}.producer", procedure.producer or unit)
    for label, field in (("side", "side"), ("handlingsspecifikation", "action_spec"), ("contrast", "contrast"),
                         ("staff category", "staff_category")):
        yield from _code(f"{where} {label}", f"{at}.{field}", getattr(procedure, field), required=False)
    for code in procedure.supplementary:
        yield from _code(f"{where} additional code", f"{at}.supplementary", code)


def _trigger_ids(form: Form) -> set[str]:
    ids = {form.course.id.strip()} | {m.id for m in form.markers}
    for contact in form.contacts:
        ids |= {contact.id} | {d.id for d in contact.diagnoses} | {p.id for p in contact.procedures}
    return ids | {p.id for p in form.procedures}


def _catalog_problems(form: Form, catalog: Any) -> Iterator[Problem]:
    """Codes and units the catalog knows to be invalid (an unknown one passes: the bundled catalog is partial)."""
    data = form.model_dump(exclude={"patient", "format", "form_no", "status"})
    seen: set[str] = set()

    def walk(item: Any, key: str = "", path: str = "") -> Iterator[tuple[str, str]]:
        if isinstance(item, dict):
            for k, v in item.items():
                if k in ("id", "ref", "reference_id", "results"):
                    continue
                yield from walk(v, k, f"{path}.{k}" if path else k)
        elif isinstance(item, list):
            for n, v in enumerate(item):
                yield from walk(v, key, f"{path}[{n}]")
        elif isinstance(item, str) and item.strip() and key not in ("start", "end", "time", "name"):
            yield path, item.strip()

    for path, value in walk(data):
        if value in seen:
            continue
        seen.add(value)
        if _SOR.match(value):
            if catalog.sor_valid(value) is False:
                yield Problem("catalog_unit", path, path, value)
        elif _SKS.match(value) and catalog.is_valid(value) is False:
            yield Problem("catalog_code", path, path, value)


def check_integrity(form: Form, header: Header, cancellation: bool = False, catalog: Any = None) -> None:
    """Raise IntegrityError listing every reason the form cannot be written as an LPR3 document."""
    if cancellation:
        problems = [*_profile(header), *_patient(form), *_texts(form.patient.model_dump(mode="json"), "patient")]
        if not is_uuid(form.course.id):
            problems.append(Problem("course_not_uuid", "course.id", "course"))
    else:
        problems = list(_structure(form, header))
        if catalog is not None:
            problems += list(_catalog_problems(form, catalog))
    if problems:
        raise IntegrityError(problems)
