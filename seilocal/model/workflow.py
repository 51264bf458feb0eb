"""The recommended workflow of F2 as pure functions: where a form stands, and what follows from an edit."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from .cpr import check_cpr
from .datetime_input import parse_stored, to_canonical
from .form import Form, Marker

Stage = Literal["first_contact", "open", "closing", "closed", "cancelled"]

# What the first contact must fill in (F2), per section: (section name, field label, getter).
_FIRST_CONTACT: list[tuple[str, str, str]] = [
    ("Patient", "CPR-nummer", "patient.cpr"),
    ("Forløb", "starttidspunkt", "course.start"),
    ("Forløb", "forløbsansvar", "course.responsible_unit"),
    ("Forløb", "startmarkør", "course.start_marker"),
    ("Henvisning", "henvisningsmåde", "referral.method"),
    ("Henvisning", "frit valg", "referral.free_choice"),
    ("Betaling", "betaler", "payment.payer"),
    ("Betaling", "betalingsaftale", "payment.agreement"),
    ("Betaling", "specialiseringsniveau", "payment.specialisation_level"),
]


def _value(form: Form, dotted: str) -> str | None:
    part, name = dotted.split(".")
    value: str | None = getattr(getattr(form, part), name)  # every getter in _FIRST_CONTACT names a text field
    return value


INVALID = "ugyldigt"  # how the header and the hint mark a value that is there but cannot be used


def is_invalid(dotted: str, value: str | None) -> bool:
    """True when a filled CPR or time field holds something that is not a CPR or a time (a kept draft entry)."""
    if not value:
        return False
    if dotted == "patient.cpr":
        return bool(check_cpr(value).errors)
    if dotted in ("course.start", "course.end"):
        return parse_stored(value) is None
    return False


def _lacking(dotted: str, label: str, value: str | None) -> str | None:
    """The label to ask for: the bare label when empty, marked when invalid, None when it is fine."""
    if not value:
        return label
    return f"{label} ({INVALID})" if is_invalid(dotted, value) else None


def missing_for_first_contact(form: Form) -> list[tuple[str, str]]:
    """The (section, field) pairs the first contact still lacks or holds invalid, in form order."""
    found = [(section, _lacking(dotted, label, _value(form, dotted))) for section, label, dotted in _FIRST_CONTACT]
    return [(section, label) for section, label in found if label]


def workflow_stage(form: Form) -> Stage:
    """Where the form stands in F2: first contact, open course, closing, closed (or cancelled)."""
    if form.status == "cancelled":
        return "cancelled"
    if form.course.end and form.course.completion:
        return "closed"
    if form.course.end or form.course.completion:
        return "closing"
    if missing_for_first_contact(form):
        return "first_contact"
    return "open"


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]


def next_step_hint(form: Form) -> str:
    """A one-line Danish hint of the next step of the recommended workflow."""
    stage = workflow_stage(form)
    if stage == "cancelled":
        return "Skemaet er annulleret; der skal ikke indberettes mere."
    if stage == "closed":
        if form.status == "submitted":
            return "Forløbet er afsluttet og indberettet."
        return "Forløbet er afsluttet: indberet skemaet senest den 10. i måneden efter."
    if stage == "closing":
        lacking = [label for label in (_lacking("course.end", "sluttidspunkt", form.course.end),
                                       _lacking("course.completion", "afslutningsmåde", form.course.completion))
                   if label]
        return f"Afslutning: udfyld {_join(lacking)} under Forløbsoplysninger."
    if stage == "first_contact":
        by_section: dict[str, list[str]] = {}
        for section, label in missing_for_first_contact(form):
            by_section.setdefault(section, []).append(label)
        parts = [f"{section} ({', '.join(labels)})" for section, labels in by_section.items()]
        return "Første kontakt – udfyld: " + "; ".join(parts) + "."
    return ("Forløbet er i gang: tilføj forløbsmarkører og patientkontakter løbende, "
            "og afslut forløbet med sluttidspunkt, når patienten er færdig.")


def referral_time_after_start_change(referral_time: str | None, previous_start: str | None,
                                     new_start: str | None) -> str | None:
    """The referral time after the course start changed: it follows the start until it was set by hand."""
    if referral_time is None or referral_time == previous_start:
        return new_start
    return referral_time


def markers_in_time_order(markers: list[Marker]) -> list[int]:
    """Indices of `markers` sorted by time; markers without a readable time last, in their list order."""
    def key(index: int) -> tuple[int, datetime, int]:
        moment = parse_stored(markers[index].time)
        return (0, moment, index) if moment else (1, datetime.min, index)

    return sorted(range(len(markers)), key=key)


def marker_time_now(now: datetime) -> str:
    """A new marker's time: now, to the minute (seconds dropped, so it is never in the future)."""
    return to_canonical(now.replace(second=0, microsecond=0))
