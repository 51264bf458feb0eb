"""Reporting deadlines: the 10th of the month after treatment (Bek. 1073/2007 § 5); result-report limits."""

from __future__ import annotations

from datetime import date, datetime, timedelta

# Days after contact end within which a result report must be complete (LPR3 rules RAA0x.1 / RAA0x.1-w).
RESULT_REPORT_DAYS: dict[str, int] = {"RAA02": 7, "RAA03": 7, "RAA04": 7, "RAA05": 3, "RAA09": 3}

DEADLINE_DAY = 10


def reporting_deadline(treatment: date) -> date:
    """The last day to report a treatment: the 10th of the month following the month of treatment."""
    if treatment.month == 12:
        return date(treatment.year + 1, 1, DEADLINE_DAY)
    return date(treatment.year, treatment.month + 1, DEADLINE_DAY)


def days_left(treatment: date, today: date) -> int:
    """Whole days from `today` to the reporting deadline of `treatment`; 0 on the day, negative when late."""
    return (reporting_deadline(treatment) - today).days


def result_report_due(report_name: str, contact_end: datetime) -> datetime | None:
    """The moment a result report of this kind must be complete, or None when the name has no time limit."""
    days = RESULT_REPORT_DAYS.get(report_name)
    if days is None:
        return None
    return contact_end + timedelta(days=days)
