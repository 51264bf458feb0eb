"""The reporting deadline of private providers: the 10th of the month after the treatment (our own rule)."""

from __future__ import annotations

from datetime import date

from seilocal.model.form import Form
from seilocal.rules.context import Context
from seilocal.rules.deadlines import reporting_deadline
from seilocal.rules.registration import rules
from seilocal.rules.timeparse import parse_time


def treatment_dates(form: Form) -> list[date]:
    """Every treatment date the form holds: contact starts and procedure starts (with or without contact)."""
    days: list[date] = []
    for contact in form.contacts:
        moment = parse_time(contact.start)
        if moment:
            days.append(moment.date())
        days.extend(m.date() for p in contact.procedures if (m := parse_time(p.start)))
    days.extend(m.date() for p in form.procedures if (m := parse_time(p.start)))
    return days


def course_dates(form: Form) -> list[date]:
    """The dates of what a course reports before any contact: its start and its markers (a course started with
    "Henvist til udredning" and nothing else is reported by the 10th of the following month as well)."""
    moments = [parse_time(form.course.start), *(parse_time(marker.time) for marker in form.markers)]
    return [moment.date() for moment in moments if moment]


def unreported_treatment(form: Form) -> date | None:
    """The earliest treatment date of a draft form (nothing of it has been reported), else None.

    For a submitted-then-changed form only the store knows what changed since the last submission; its
    deadline view calls `reporting_deadline` with that date instead.
    """
    if form.status != "draft":
        return None
    days = treatment_dates(form) + course_dates(form)
    return min(days) if days else None


@rules(
    "NONE",
    ("SEI-DL01", "warning", "A draft must be reported by the 10th of the month after its first treatment, course start "
     "or marker"),
    ("SEI-DL02", "error", "The reporting deadline of a draft has passed"),
)
def reporting_deadline_rule(ctx: Context) -> None:
    if ctx.form.status != "draft":
        return
    # Same dates as treatment_dates(), from the times the context has parsed already.
    days = [v.start_day for v in ctx.contacts if v.start_day] + [
        v.start_day for v in ctx.procedures if v.start_day
    ] + course_dates(ctx.form)
    if not days:
        return
    first = min(days)
    due = reporting_deadline(first)
    shown = due.strftime("%d-%m-%Y")
    left = (due - ctx.today).days
    if left >= 0:
        ctx.add("SEI-DL01", "course.start", f"Skal indberettes senest {shown} ({left} dage tilbage)")
    else:
        ctx.add(
            "SEI-DL02", "course.start", f"Fristen for indberetning var {shown} ({-left} dage overskredet)"
        )
