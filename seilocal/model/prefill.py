"""Pre-filled new rows and copied contacts (F4.8, F4.9): pure functions of the form and the current time.

Times are stored strings; a time that does not parse (a kept draft entry) is never used as a basis and never
shifted: it is copied verbatim, so the copy shows the same validation finding as the original.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from .datetime_input import parse_stored, to_canonical
from .form import Contact, Diagnosis, Form, Payment, Procedure, new_id


def floor_minute(moment: datetime) -> datetime:
    """`moment` without seconds: a pre-filled start never lies in the future, not even by seconds."""
    return moment.replace(second=0, microsecond=0)


def last_contact(form: Form) -> Contact | None:
    """The contact that starts last (contacts with an unreadable start count as earliest), or None."""
    if not form.contacts:
        return None
    # max() keeps the first of equal keys; reversed() makes the later-stored contact win ties.
    return max(reversed(form.contacts), key=lambda c: parse_stored(c.start) or datetime.min)


def next_start(form: Form, now: datetime) -> str:
    """Where a new contact starts: the last contact's end if it has a readable one, else now to the minute."""
    previous = last_contact(form)
    end = parse_stored(previous.end) if previous else None
    return to_canonical(end if end else floor_minute(now))


def new_contact(form: Form, now: datetime) -> Contact:
    """A new contact: start pre-filled, type/priority/unit from the last contact, the unit else from the course."""
    previous = last_contact(form)
    return Contact(
        start=next_start(form, now),
        type=previous.type if previous else None,
        priority=previous.priority if previous else None,
        responsible_unit=(previous.responsible_unit if previous else None) or form.course.responsible_unit,
    )


def new_diagnosis(contact: Contact) -> Diagnosis:
    """A new diagnosis of the contact: the action diagnosis when it has none yet, else a secondary one."""
    return Diagnosis(kind="secondary" if contact.action_diagnosis else "action")


def new_procedure(form: Form, now: datetime, contact: Contact | None = None) -> Procedure:
    """A new procedure: at the contact's start (or now to the minute), produced by the course's unit.

    A procedure without contact also gets a copy of the form's payment set (LPR3 rule 11.31 wants one).
    """
    start = contact.start if contact and parse_stored(contact.start) else to_canonical(floor_minute(now))
    procedure = Procedure(start=start, producer=form.course.responsible_unit)
    if contact is None:
        procedure.payment = Payment.model_validate(form.payment.model_dump())
    return procedure


def _shift(value: str | None, offset: timedelta | None) -> str | None:
    moment = parse_stored(value)
    if moment is None or offset is None:
        return value  # nothing to shift, or no offset known: keep what the user typed
    return to_canonical(moment + offset)


def copy_contact(form: Form, source: Contact, now: datetime) -> Contact:
    """A new contact like `source`: new ids, start at the next start, every other time shifted alike.

    The copy keeps the source's duration and its procedures' times relative to its start. When the source's
    start does not parse there is no offset, and the other times are copied as they are.
    """
    start = next_start(form, now)
    source_start, new_start = parse_stored(source.start), parse_stored(start)
    offset = new_start - source_start if source_start and new_start else None
    copy = source.model_copy(deep=True)
    copy.id = new_id()
    copy.start = start
    copy.end = _shift(source.end, offset)
    for diagnosis in copy.diagnoses:
        diagnosis.id = new_id()
    for procedure in copy.procedures:
        procedure.id = new_id()
        procedure.start = _shift(procedure.start, offset)
        procedure.end = _shift(procedure.end, offset)
    return copy
