"""Course (02.x), reference (03.x), marker (04.x), referral (06.x) and payment code (10.x) rules."""

from __future__ import annotations

from datetime import date

from seilocal.model.form import Payment
from seilocal.rules.context import Context
from seilocal.rules.registration import rules
from seilocal.rules.sor_periods import standing
from seilocal.rules.timeparse import format_da, is_blank, parse_time


def _day(ctx: Context) -> tuple[date | None, date | None]:
    start = ctx.course_start.date() if ctx.course_start else None
    end = ctx.course_end.date() if ctx.course_end else None
    return start, end


@rules(
    "FORLOEBSELEMENT",
    ("02.01", "error", "Course end after course start"),
    ("02.02", "error", "A closed course needs an afslutningsmåde"),
)
def course_period(ctx: Context) -> None:
    start, end = ctx.course_start, ctx.course_end
    if start and end and end <= start:
        ctx.add("02.01", "course.end", "Forløbets sluttidspunkt skal ligge efter starttidspunktet")
    if end and is_blank(ctx.form.course.completion):
        ctx.add("02.02", "course.completion", "Et afsluttet forløb skal have en afslutningsmåde")


@rules(
    "FORLOEBSELEMENT",
    ("02.41", "error", "Responsible SOR unit already open at course start"),
    ("02.42", "error", "Responsible SOR unit not closed before course start"),
    (
        "02.43",
        "error",
        "A course whose responsible unit has closed ends no later than the unit's last day (an open one must end)",
    ),
    ("02.44", "error", "Responsible SOR unit valid at course end"),
)
def course_unit(ctx: Context) -> None:
    unit = ctx.form.course.responsible_unit
    start, end = _day(ctx)
    where = "course.responsible_unit"
    st = standing(ctx, unit, start, end)
    if st.not_open_at_start:
        ctx.add("02.41", where, "Forløbsansvarlig enhed er endnu ikke åbnet i SOR på forløbets startdato")
    if st.closed_before_start:
        ctx.add("02.42", where, "Forløbsansvarlig enhed er lukket i SOR før forløbets startdato")
    elif st.closed_before_end:
        ctx.add("02.43", "course.end", "Forløbet slutter efter, at den forløbsansvarlige enhed er lukket i SOR")
        ctx.add("02.44", where, "Forløbsansvarlig enhed er ikke gyldig i SOR på slutdatoen")
    elif st.closed_while_open and not st.not_open_at_start:
        ctx.add("02.43", "course.end", "Forløbsansvarlig enhed er lukket i SOR; forløbet skal afsluttes")


@rules(
    "FORLOEBSELEMENT",
    ("02.51", "error", "Course label code valid at some time in the course period"),
    ("02.55", "error", "Afslutningsmåde code valid at course end"),
    ("02.a", "error", "Course label in list forloeb.label"),
    ("02.b", "error", "Afslutningsmåde in list admin.afslutmaade"),
)
def course_codes(ctx: Context) -> None:
    course = ctx.form.course
    start, end = _day(ctx)
    if ctx.valid_in(course.label, start, end) is False:
        ctx.add("02.51", "course.label", f"Forløbslabel {course.label} er ikke gyldig i forløbets periode")
    if ctx.not_in("forloeb.label", course.label, start):
        ctx.add("02.a", "course.label", f"{course.label} er ikke en forløbslabel")
    if ctx.valid(course.completion, end) is False:
        ctx.add(
            "02.55", "course.completion", f"Afslutningsmåde {course.completion} er ikke gyldig på slutdatoen"
        )
    if ctx.not_in("admin.afslutmaade", course.completion, end or start):
        ctx.add("02.b", "course.completion", f"{course.completion} er ikke en afslutningsmåde")


@rules(
    "REFERENCE",
    ("03.a", "error", "Reference type in list forloeb.reftype"),
    ("03.51", "error", "Reference type code valid at course start"),
)
def reference_type(ctx: Context) -> None:
    code = ctx.form.referral.reference_type
    start, _ = _day(ctx)
    if ctx.not_in("forloeb.reftype", code, start):
        ctx.add("03.a", "referral.reference_type", f"{code} er ikke en referencetype")
    if ctx.valid(code, start) is False:
        ctx.add(
            "03.51", "referral.reference_type", f"Referencetype {code} er ikke gyldig på forløbets startdato"
        )


@rules(
    "FORLOEBSMARKOER",
    ("04.01", "error", "Marker time not before course start"),
    ("04.02", "error", "Marker time not after course end"),
    ("04.a", "error", "Marker code in list forloeb.markoer (also the start marker, at course start)"),
    ("04.51", "error", "Marker code valid at the marker's time (start marker: at course start)"),
)
def markers(ctx: Context) -> None:
    start, end = ctx.course_start, ctx.course_end
    checks: list[tuple[str, str | None, date | None]] = [
        ("course.start_marker", ctx.form.course.start_marker, start.date() if start else None)
    ]
    for i, marker in enumerate(ctx.form.markers):
        path = f"markers[{i}]"
        # Bad times were reported when the context was built; parse again without recording them twice.
        moment = parse_time(marker.time)
        if moment and start and moment < start:
            ctx.add("04.01", f"{path}.time", "Markørens tidspunkt ligger før forløbets start")
        if moment and end and moment > end:
            ctx.add("04.02", f"{path}.time", "Markørens tidspunkt ligger efter forløbets slutning")
        checks.append((f"{path}.code", marker.code, moment.date() if moment else None))
    for path, code, at in checks:
        if ctx.not_in("forloeb.markoer", code, at):
            ctx.add("04.a", path, f"{code} er ikke en forløbsmarkør")
        if ctx.valid(code, at) is False:
            ctx.add("04.51", path, f"Markørkoden {code} er ikke gyldig på markørens tidspunkt")


@rules(
    "HENVISNING",
    ("06.01", "error", "Referral time on or before course start"),
    ("06.51", "error", "Referral reason code valid at the referral time"),
    ("06.53", "error", "Referral method code valid at the referral time"),
    ("06.a", "error", "Referral reason in diag, proc.act, proc.opr or proc.und"),
    ("06.b", "error", "Referral method in list admin.henvmaade"),
    ("06.c", "error", "Free choice code in list admin.fritvalg"),
)
def referral(ctx: Context) -> None:
    ref = ctx.form.referral
    when = ctx.referral_time
    if when and ctx.course_start and when > ctx.course_start:
        ctx.add(
            "06.01",
            "referral.time",
            f"Henvisningen skal ligge før eller samtidig med forløbets start ({format_da(ctx.course_start)})",
        )
    at = when.date() if when else (ctx.course_start.date() if ctx.course_start else None)
    if ctx.valid(ref.reason, at) is False:
        ctx.add(
            "06.51", "referral.reason", f"Henvisningsårsag {ref.reason} er ikke gyldig på henvisningsdatoen"
        )
    if ctx.valid(ref.method, at) is False:
        ctx.add(
            "06.53", "referral.method", f"Henvisningsmåde {ref.method} er ikke gyldig på henvisningsdatoen"
        )
    if ctx.in_any(("diag", "proc.act", "proc.opr", "proc.und"), ref.reason, at) is False:
        ctx.add("06.a", "referral.reason", f"{ref.reason} er hverken en diagnose- eller procedurekode")
    if ctx.not_in("admin.henvmaade", ref.method, at):
        ctx.add("06.b", "referral.method", f"{ref.method} er ikke en henvisningsmåde")
    if ctx.not_in("admin.fritvalg", ref.free_choice, at):
        ctx.add("06.c", "referral.free_choice", f"{ref.free_choice} er ikke en fritvalgskode")


def check_payment_codes(ctx: Context, payment: Payment, path: str, at: date | None) -> None:
    """Code-list and validity checks of one payment set, at its start date."""
    if ctx.not_in("admin.betalaftale", payment.agreement, at):
        ctx.add("10.a", f"{path}.agreement", f"{payment.agreement} er ikke en betalingsaftale")
    if ctx.not_in("admin.betaler", payment.payer, at):
        ctx.add("10.b", f"{path}.payer", f"{payment.payer} er ikke en betaler")
    if ctx.not_in("admin.specialeniv", payment.specialisation_level, at):
        ctx.add(
            "10.c",
            f"{path}.specialisation_level",
            f"{payment.specialisation_level} er ikke et specialiseringsniveau",
        )
    if ctx.valid(payment.specialisation_level, at) is False:
        ctx.add(
            "10.51",
            f"{path}.specialisation_level",
            f"Specialiseringsniveau {payment.specialisation_level} er ikke gyldigt på betalingens startdato",
        )


@rules(
    "BETALINGSOPLYSNING",
    ("10.a", "error", "Payment agreement in list admin.betalaftale"),
    ("10.b", "error", "Payer in list admin.betaler"),
    ("10.c", "error", "Specialisation level in list admin.specialeniv"),
    ("10.51", "error", "Specialisation level code valid at the payment's start"),
)
def payment_codes(ctx: Context) -> None:
    # The form's one payment set applies from the course start to every contact (the export spreads it).
    check_payment_codes(
        ctx, ctx.form.payment, "payment", ctx.course_start.date() if ctx.course_start else None
    )
    for view in ctx.procedures:
        if view.contact is None and view.procedure.payment is not None:
            check_payment_codes(ctx, view.procedure.payment, f"{view.path}.payment", view.start_day)
