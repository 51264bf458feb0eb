"""Hypothesis strategies for whole forms: every section, every result report type and status, results left
empty, stated "none", side codes, supplementary codes, procedures without contact, and cancellations.

Values come from the code lists of `rules_fakes.FakeCatalog`, so that most generated forms pass our rules with
that catalog; the property test keeps only those (and checks each one's LPR3 document).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from seilocal.model.form import (
    Contact,
    Course,
    Diagnosis,
    Form,
    Marker,
    Patient,
    Payment,
    Procedure,
    Referral,
    ResultReport,
    Trigger,
)
from seilocal.rules.result_types import FIELD_INDEX, RESULT_FIELDS, ResultField

from .rules_fakes import OTHER_UNIT, UNIT

DAY = "2026-11-03"
PAYMENT = dict(payer="ALFB01", agreement="ALFA2", specialisation_level="ALFC4")

# A diagnosis code and the result report it triggers (None: none).
DIAGNOSES = {"DJ069": None, "DC509": "RAA01", "DO800": "RAA02", "DZ380": "RAA03", "DO049": "RAA04",
             "DM170": None}
# A procedure code and the result report it triggers.
PROCEDURES = {"KHAC20": None, "KNFB20": "RAA08", "ZZ0150": "RAA06", "BAXZ1": "RAA07", "KJFA00": "RAA09",
              "BAXY1": "RAA10"}
LATERAL = {"DM170", "KNFB20"}
SIDES = ("TUL1", "TUL2", "TUL3")
FIELD = FIELD_INDEX["RAA01"]
CODE_VALUES = {"RDA01": ("AZCA1", "AZCA4"), "RDA04": ("T0", "TA", "TIS")}

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøåÆØÅ <&>\"'-", min_size=1, max_size=30).map(
    lambda s: s.strip() or "Navn")


def _value(field: ResultField) -> st.SearchStrategy[str]:
    if field.kind == "code":
        return st.sampled_from(CODE_VALUES.get(field.code, ("OK1", "OK2", "OK3")))
    if field.kind == "time":
        return st.sampled_from((f"{DAY}T10:15:00", f"{DAY}T23:59:59"))
    if field.kind == "text":
        return names
    low = field.minimum if field.minimum is not None else (field.above + 1 if field.above is not None else 0)
    high = field.maximum if field.maximum is not None else low + 100
    if field.kind == "integer":
        return st.integers(int(low), int(high)).map(str)
    return st.decimals(Decimal(low), Decimal(high), places=1).map(lambda d: str(d).replace(".", ","))


# Reports whose procedure must have a complete report at once (RAA07.1, RAA08.1, RAA10.1).
COMPLETE_AT_ONCE = {"RAA07", "RAA08", "RAA10"}


@st.composite
def results(draw: st.DrawFn, name: str) -> tuple[str, dict[str, str]]:
    """A report's status and results: each result filled or left empty (an empty one is kept as '')."""
    status = "complete" if name in COMPLETE_AT_ONCE else draw(st.sampled_from(("complete", "incomplete")))
    values: dict[str, str] = {}
    for field in RESULT_FIELDS[name]:
        if field.required == "always" or (field.required == "complete" and status == "complete"):
            empty = False
        else:
            empty = draw(st.booleans())
        values[field.code] = "" if empty else draw(_value(field))
    if name == "RAA01":  # the practitioner's report: status and macroscopic basis, the rest left empty
        values = {field.code: "" for field in RESULT_FIELDS[name]}
        values["RDA01"] = draw(st.sampled_from(("AZCA1", "AZCA3"))) if status == "complete" else "AZCA4"
        values["RDA02"] = draw(st.sampled_from(("OK1", "", "")))
        if values["RDA01"] == "AZCA1":  # a status that asks for the microscopic basis and the stages too
            values.update({code: draw(_value(FIELD[code])) for code in ("RDA02", "RDA03", "RDA04", "RDA05",
                                                                        "RDA06", "RDA07", "RDA08")})
    if name == "RAA08" and values.get("RDB03") and values.get("RDB04"):
        values[draw(st.sampled_from(("RDB03", "RDB04")))] = ""
    return status, values


@st.composite
def diagnosis(draw: st.DrawFn, kind: str) -> Diagnosis:
    code = draw(st.sampled_from(list(DIAGNOSES))) if kind == "action" else "DJ069"
    row = Diagnosis(kind=kind, code=code)
    if code in LATERAL or draw(st.integers(0, 9)) == 0:
        row.side = draw(st.sampled_from(SIDES))
    if code == "DC509":
        if draw(st.booleans()):
            row.no_metastases = True
        else:
            row.metastases = ["DC793C"]
        if draw(st.booleans()):
            row.no_local_recurrences = True
        else:
            row.local_recurrences = ["DT636C"]
    if draw(st.integers(0, 4)) == 0:
        row.supplementary = [draw(st.sampled_from(("DC793C", "TUL1")))]
    return row


@st.composite
def procedure(draw: st.DrawFn, start: str, own_payment: bool = False) -> Procedure:
    # Without a contact no complication (KJFA00): it needs its diagnosis on a contact (11110).
    code = draw(st.sampled_from([c for c in PROCEDURES if not own_payment or c != "KJFA00"]))
    row = Procedure(code=code, start=start, producer=draw(st.sampled_from((UNIT, OTHER_UNIT))),
                    staff_category="APAA2")
    if own_payment:
        row.producer = row.producer or UNIT
        row.payment = Payment(**PAYMENT)
    if code in LATERAL:
        row.side = draw(st.sampled_from(SIDES))
    if draw(st.integers(0, 3)) == 0:
        row.end = start[:-5] + "30:00"
    return row


@st.composite
def contact(draw: st.DrawFn, n: int) -> Contact:
    hour = 10 + n
    start = f"{DAY}T{hour:02d}:00:00"
    acute = draw(st.integers(0, 3)) == 0
    row = Contact(start=start, end=draw(st.sampled_from((f"{DAY}T{hour:02d}:45:00", None))),
                  responsible_unit=UNIT, type="ALCA00", priority="ATA3")
    action = draw(diagnosis("action"))
    row.diagnoses = [action] + ([draw(diagnosis("secondary"))] if draw(st.booleans()) else [])
    if action.code in ("DO800", "DZ380"):  # a birth: an acute physical contact (12.03.103/105)
        acute = True
    if action.code == "DO800":  # with the counselling diagnosis as secondary (12.03.108)
        row.diagnoses.append(Diagnosis(kind="secondary", code="DO048"))
    if acute:
        row.priority = "ATA1"
        row.reason = draw(st.sampled_from(("ALCC02", "ALCC01")))
    row.procedures = draw(st.lists(procedure(f"{DAY}T{hour:02d}:05:00"), max_size=2))
    if any(p.code == "KJFA00" for p in row.procedures):  # a complication needs its diagnosis (11110)
        row.diagnoses.append(Diagnosis(kind="secondary", code="DT819"))
    return row


def _triggers(form: Form) -> list[tuple[str, str]]:
    """(report name, row id) of every row that triggers a result report."""
    found = []
    for c in form.contacts:
        if c.reason == "ALCC02":
            found.append(("RAA05", c.id))
        for d in c.diagnoses:
            if d.kind == "action" and DIAGNOSES.get(d.code or ""):
                found.append((DIAGNOSES[d.code or ""], d.id))
        for p in c.procedures:
            if PROCEDURES.get(p.code or ""):
                found.append((PROCEDURES[p.code or ""], p.id))
    for p in form.procedures:
        if PROCEDURES.get(p.code or ""):
            found.append((PROCEDURES[p.code or ""], p.id))
    return found


@st.composite
def forms(draw: st.DrawFn) -> Form:
    """A whole form: course, referral, markers, contacts, procedures without contact, result reports."""
    form = Form(
        patient=Patient(cpr=draw(st.sampled_from(("0101801233", "0101801233", "0101801241"))), name=draw(names)),
        course=Course(start=f"{DAY}T09:30:00", responsible_unit=UNIT, label="ALAL01", start_marker="AFV01A1"),
        referral=Referral(time=f"{DAY}T09:00:00", referring_unit=draw(st.sampled_from((OTHER_UNIT, None))),
                          method="ALDA11", free_choice="ALDB00", reason=draw(st.sampled_from(("DJ069", None)))),
        payment=Payment(**PAYMENT),
    )
    form.contacts = [draw(contact(n)) for n in range(draw(st.integers(0, 2)))]
    if draw(st.integers(0, 4)) == 0:
        form.course.end, form.course.completion = f"{DAY}T18:00:00", "ALAC70"
        for row in form.contacts:  # a closed course has closed contacts (05.31)
            row.end = row.end or row.start[:-5] + "45:00"
    if draw(st.integers(0, 4)) == 0:
        form.referral.reference_id, form.referral.reference_type = "ecd3567b-a6d5-4f1a-a5e4-7b9d6bb10177", "ALAA01"
    form.markers = [Marker(code="AFV01B", time=f"{DAY}T10:00:00")] if draw(st.booleans()) else []
    form.procedures = [draw(procedure(f"{DAY}T1{n + 5}:00:00", own_payment=True))
                       for n in range(draw(st.integers(0 if form.contacts else 1, 2)))]
    for name, ref in _triggers(form):
        if draw(st.integers(0, 9)) == 0:
            continue  # a trigger left untreated: our rules then refuse the form
        status, values = draw(results(name))
        form.result_reports.append(ResultReport(name=name, trigger=Trigger(ref=ref), status=status,
                                                time=f"{DAY}T10:00:00", results=values))
    return form
