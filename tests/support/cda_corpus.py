"""Forms that together cover every part of the CDA mapping: every section, RAA01-RAA13, replacement CPR,
summer and winter time, a second version after an edit, and a cancelled form."""

from __future__ import annotations

from seilocal.export.cda import Header
from seilocal.model import Form
from seilocal.model.form import (
    Contact,
    Course,
    Diagnosis,
    Marker,
    Patient,
    Payment,
    Procedure,
    Referral,
    ResultReport,
    Trigger,
)
from seilocal.rules.result_types import RESULT_FIELDS

UNIT = "486811000016002"
OTHER_UNIT = "6071000016008"
CVR = "25469364"
COURSE_ID = "0b8f5a52-8a7e-4c6b-9f0e-1f7c2d3e4a5b"

SAMPLE_VALUES = {"code": "AZCA1", "integer": "3", "decimal": "12,5", "text": "fri tekst <&>", "time": None}


def header(version: int = 1, effective: str = "2026-11-05T12:00:00") -> Header:
    """The header of a document submitted by our practice."""
    return Header(version=version, effective=effective, author_unit=UNIT, custodian_cvr=CVR)


def contact(n: int, day: str = "2026-11-03", with_rows: bool = True) -> Contact:
    """A contact with an action and a secondary diagnosis and a procedure with every optional part."""
    hour = 10 + n % 8
    row = Contact(
        id=f"00000000-0000-4000-8000-{n:012d}",
        start=f"{day}T{hour:02d}:00:00", end=f"{day}T{hour:02d}:45:00",
        responsible_unit=UNIT if n % 2 == 0 else None, type="ALCA00", priority="ATA3",
        reason="ALCC01" if n % 3 == 0 else None,
    )
    if with_rows:
        row.diagnoses = [
            Diagnosis(kind="action", code="DC509", side="TUL2", supplementary=["ZDW10"],
                      metastases=["DC793C"], local_recurrences=["DT636C"]),
            Diagnosis(kind="secondary", code="DZ038"),
        ]
        row.procedures = [
            Procedure(code="KHAC20", start=f"{day}T{hour:02d}:05:00", end=f"{day}T{hour:02d}:30:00",
                      producer=OTHER_UNIT, side="TUL2", action_spec="ZPP00", contrast="MV08AA01",
                      staff_category="APBA1", supplementary=["ZKC01"]),
        ]
    return row


def full_form(contacts: int = 2, day: str = "2026-11-03", cpr: str = "0101801235") -> Form:
    """A course with every section filled in, winter time by default."""
    rows = [contact(n, day) for n in range(contacts)]
    marker = Marker(code="AFV01B", time=f"{day}T10:00:00")
    form = Form(
        form_no=17, status="submitted",
        patient=Patient(cpr=cpr, name="Søren Ærø-Østergård"),
        course=Course(id=COURSE_ID, start=f"{day}T09:30:00", end=f"{day}T18:00:00", responsible_unit=UNIT,
                      label="ALAL01", start_marker="AFV01A1", completion="ALAC01"),
        referral=Referral(time=f"{day}T09:30:00", referring_unit=OTHER_UNIT, method="ALDA11",
                          free_choice="ALDB00", reason="DC509",
                          reference_id="ecd3567b-a6d5-4f1a-a5e4-7b9d6bb10177", reference_type="ALAA01"),
        payment=Payment(payer="ALFB01", agreement="ALFA2", specialisation_level="ALFC4"),
        markers=[marker],
        contacts=rows,
        procedures=[Procedure(code="BVAA33A", start=f"{day}T11:00:00", producer=UNIT,
                              payment=Payment(payer="ALFB01", agreement="ALFA2", specialisation_level="ALFC4"))],
    )
    return form


def reports_form(day: str = "2026-07-01") -> Form:
    """A summer course with one result report of every type RAA01-RAA13, triggered by every kind of row."""
    form = full_form(contacts=1, day=day)
    c = form.contacts[0]
    triggers = [c.diagnoses[0].id, c.id, form.course.id, form.markers[0].id, c.procedures[0].id,
                form.procedures[0].id, c.diagnoses[1].id]
    reports = []
    for n, (name, fields) in enumerate(RESULT_FIELDS.items()):
        results = {}
        for field in fields:
            value = SAMPLE_VALUES[field.kind]
            results[field.code] = f"{day}T10:15:00" if field.kind == "time" else value
        reports.append(ResultReport(name=name, trigger=Trigger(ref=triggers[n % len(triggers)]),
                                    time=f"{day}T10:00:00", status="complete" if n % 2 else "incomplete",
                                    results=results))
    form.result_reports = reports
    return form
