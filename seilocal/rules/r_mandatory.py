"""Our own SEI- rules: mandatory SEI-LPR fields, unreadable times, SOR id shape, CPR; and rule 00.01."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from seilocal.model.form import Payment
from seilocal.rules.context import Context
from seilocal.rules.patient import birth_date_of, cpr_check
from seilocal.rules.registration import rules
from seilocal.rules.timeparse import format_da, is_blank


@rules("NONE", ("SEI-T01", "error", "A time field holds text that is not a valid date and time"))
def unreadable_times(ctx: Context) -> None:
    for path in ctx.bad_times:
        ctx.add("SEI-T01", path, "Ugyldigt tidspunkt: skriv dato og klokkeslæt som dd-mm-åååå tt:mm:ss")


@rules("NONE", ("00.01", "error", "No time of the form may lie in the future"))
def no_future_times(ctx: Context) -> None:
    for path, moment in ctx.times:
        if moment > ctx.now:
            ctx.add("00.01", path, f"Tidspunktet {format_da(moment)} ligger i fremtiden")


def _require(ctx: Context, rule: str, value: str | None, path: str, message: str, field: str = "") -> None:
    """A finding at `path` + `field` when the value is blank (the path is joined only then: rows by the thousand)."""
    if not value or value.isspace():
        ctx.add(rule, path + field, message)


@rules(
    "PATIENT",
    ("SEI-P01", "error", "The patient's CPR number is required"),
    ("SEI-P02", "error", "The CPR number must be a valid CPR or replacement CPR (eCPR)"),
    ("SEI-P03", "warning", "Doubts about a CPR number (e.g. failing modulus 11)"),
)
def patient_cpr(ctx: Context) -> None:
    cpr = ctx.form.patient.cpr
    if is_blank(cpr):
        ctx.add("SEI-P01", "patient.cpr", "CPR-nummer mangler")
        return
    check = cpr_check(cpr)
    if check is None:
        return
    for message in check.errors:
        ctx.add("SEI-P02", "patient.cpr", message)
    for message in check.warnings:
        ctx.add("SEI-P03", "patient.cpr", message)


def birth_date(ctx: Context) -> date | None:
    """The patient's birth date from the CPR number, computed once per validation."""
    return ctx.memo("birth_date", lambda: birth_date_of(ctx.form))  # type: ignore[return-value]


@rules(
    "PATIENT",
    ("01.01", "error", "Course start on or after the patient's birth date"),
    ("01.11", "error", "Referral time on or after the patient's birth date"),
)
def after_birth(ctx: Context) -> None:
    born = birth_date(ctx)
    if born is None:
        return
    if ctx.course_start and ctx.course_start.date() < born:
        ctx.add("01.01", "course.start", "Forløbet kan ikke starte før patientens fødselsdato")
    if ctx.referral_time and ctx.referral_time.date() < born:
        ctx.add("01.11", "referral.time", "Henvisningstidspunktet ligger før patientens fødselsdato")


@rules(
    "FORLOEBSELEMENT",
    ("SEI-F01", "error", "Course start time is required"),
    ("SEI-F02", "error", "The course's responsible unit (SOR) is required"),
    ("SEI-F03", "error", "The start marker is required"),
    ("SEI-F04", "error", "The course label (forløbslabel) is required"),
)
def course_fields(ctx: Context) -> None:
    course = ctx.form.course
    _require(ctx, "SEI-F01", course.start, "course.start", "Forløbets starttidspunkt mangler")
    _require(
        ctx, "SEI-F02", course.responsible_unit, "course.responsible_unit", "Forløbsansvar (SOR) mangler"
    )
    _require(ctx, "SEI-F03", course.start_marker, "course.start_marker", "Startmarkør mangler")
    _require(ctx, "SEI-F04", course.label, "course.label", "Forløbslabel mangler")


@rules(
    "HENVISNING",
    ("SEI-H01", "error", "The referral time is required"),
    ("SEI-H02", "error", "The referral method (henvisningsmåde) is required"),
    ("SEI-H03", "error", "Free hospital choice (frit valg) is required"),
    ("SEI-H04", "error", "Reference id and reference type go together"),
)
def referral_fields(ctx: Context) -> None:
    ref = ctx.form.referral
    _require(ctx, "SEI-H01", ref.time, "referral.time", "Henvisningstidspunkt mangler")
    _require(ctx, "SEI-H02", ref.method, "referral.method", "Henvisningsmåde mangler")
    _require(ctx, "SEI-H03", ref.free_choice, "referral.free_choice", "Frit valg mangler")
    if is_blank(ref.reference_id) and not is_blank(ref.reference_type):
        ctx.add("SEI-H04", "referral.reference_id", "Referencetype er udfyldt, men reference-ID mangler")
    if not is_blank(ref.reference_id) and is_blank(ref.reference_type):
        ctx.add("SEI-H04", "referral.reference_type", "Reference-ID er udfyldt, men referencetype mangler")


def payment_fields(ctx: Context, payment: Payment, path: str) -> None:
    """Check that a payment set has payer, agreement and specialisation level."""
    _require(ctx, "SEI-B01", payment.payer, f"{path}.payer", "Betaler mangler")
    _require(ctx, "SEI-B02", payment.agreement, f"{path}.agreement", "Betalingsaftale mangler")
    _require(
        ctx,
        "SEI-B03",
        payment.specialisation_level,
        f"{path}.specialisation_level",
        "Specialiseringsniveau mangler",
    )


@rules(
    "BETALINGSOPLYSNING",
    ("SEI-B01", "error", "The payer (betaler) is required"),
    ("SEI-B02", "error", "The payment agreement (betalingsaftale) is required"),
    ("SEI-B03", "error", "The specialisation level is required"),
)
def payments(ctx: Context) -> None:
    payment_fields(ctx, ctx.form.payment, "payment")
    for i, procedure in enumerate(ctx.form.procedures):
        if procedure.payment is not None:
            payment_fields(ctx, procedure.payment, f"procedures[{i}].payment")


@rules(
    "FORLOEBSMARKOER",
    ("SEI-M01", "error", "A marker needs a code"),
    ("SEI-M02", "error", "A marker needs a time"),
)
def marker_fields(ctx: Context) -> None:
    for i, marker in enumerate(ctx.form.markers):
        _require(ctx, "SEI-M01", marker.code, f"markers[{i}].code", "Markørens kode mangler")
        _require(ctx, "SEI-M02", marker.time, f"markers[{i}].time", "Markørens tidspunkt mangler")


@rules(
    "KONTAKT",
    ("SEI-K01", "error", "A contact needs a start time"),
    ("SEI-K02", "error", "A contact needs a contact type"),
    ("SEI-K03", "error", "A contact needs a priority"),
    ("SEI-K04", "error", "A contact needs a responsible unit (SOR)"),
)
def contact_fields(ctx: Context) -> None:
    for view in ctx.contacts:
        c, p = view.contact, view.path
        _require(ctx, "SEI-K01", c.start, p, "Kontaktens starttidspunkt mangler", ".start")
        _require(ctx, "SEI-K02", c.type, p, "Kontakttype mangler", ".type")
        _require(ctx, "SEI-K03", c.priority, p, "Prioritet mangler", ".priority")
        _require(ctx, "SEI-K04", c.responsible_unit, p, "Kontaktansvar (SOR) mangler", ".responsible_unit")


@rules(
    "DIAGNOSE",
    ("SEI-D01", "error", "A diagnosis needs a code"),
    ("SEI-D02", "error", "A contact has at most one action diagnosis"),
)
def diagnosis_fields(ctx: Context) -> None:
    for view in ctx.diagnoses:
        _require(ctx, "SEI-D01", view.diagnosis.code, view.path, "Diagnosekode mangler", ".code")
    for cview in ctx.contacts:
        actions = [j for j, d in enumerate(cview.contact.diagnoses) if d.kind == "action"]
        for j in actions[1:]:
            ctx.add(
                "SEI-D02", f"{cview.path}.diagnoses[{j}].kind", "Kontakten har mere end én aktionsdiagnose"
            )


@rules(
    "PROCEDURE",
    ("SEI-X01", "error", "A procedure needs a code"),
    ("SEI-X02", "error", "A procedure needs a start time"),
    ("SEI-X03", "error", "A procedure needs a producing unit (SOR)"),
)
def procedure_fields(ctx: Context) -> None:
    for view in ctx.procedures:
        proc, p = view.procedure, view.path
        _require(ctx, "SEI-X01", proc.code, p, "Procedurekode mangler", ".code")
        _require(ctx, "SEI-X02", proc.start, p, "Procedurens starttidspunkt mangler", ".start")
        _require(ctx, "SEI-X03", proc.producer, p, "Procedureansvar (SOR) mangler", ".producer")


def _sor_fields(ctx: Context) -> Iterator[tuple[str, str, str | None]]:
    """Every SOR field of the form: (path of its object, ".field" or "", value); joined only for a finding."""
    form = ctx.form
    yield "course.responsible_unit", "", form.course.responsible_unit
    yield "referral.referring_unit", "", form.referral.referring_unit
    for cview in ctx.contacts:
        yield cview.path, ".responsible_unit", cview.contact.responsible_unit
    for pview in ctx.procedures:
        yield pview.path, ".producer", pview.procedure.producer


@rules("NONE", ("SEI-S01", "error", "A SOR id is a whole number of digits"))
def sor_shape(ctx: Context) -> None:
    for path, field, value in _sor_fields(ctx):
        if value and not value.isspace() and not value.strip().isdigit():
            ctx.add("SEI-S01", path + field, "Et SOR-ID består kun af cifre")
