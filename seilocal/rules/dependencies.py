"""What each rule function reads, so that after an edit only the rules that can change run again (issue 23.3).

An area is a top-level part of the form (`patient`, `course`, `referral`, `payment`, `markers`, `contacts`,
`procedures`, `result_reports`, `status`) or the clock: `now` (the moment of validation) and `today` (its date,
read by SOR standing and by validity over an open period).

A rule function is either
- **per contact**: each of its findings under `contacts[i]` depends only on contact i and on the areas in
  `reads`, and its other findings (procedures without contact, the course, ...) depend on no contact. The engine
  keeps its findings per contact and re-runs it over the edited contact alone (`Context.scope`); or
- **whole form**: any edit of an area in `reads` re-runs it over the whole form.

A function missing from `DECLARED` is a whole-form rule that reads everything: adding a rule never makes the
incremental findings wrong, only slower. `tests/unit/test_incremental.py` checks by random edit sequences that
the incremental findings are the full run's, byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

AREAS: frozenset[str] = frozenset(
    {"patient", "course", "referral", "payment", "markers", "contacts", "procedures", "result_reports", "status",
     "now", "today"}
)


@dataclass(frozen=True, slots=True)
class Reads:
    """The areas a rule function reads (besides, for a per-contact rule, the contact itself)."""

    areas: frozenset[str]
    per_contact: bool = False
    # A per-contact rule that reads `now` only as "a time of the contact is after now - offset" for these offsets:
    # when the clock moves, only contacts with a time between the old and the new now - offset can change.
    now_offsets: tuple[timedelta, ...] = ()


def _per_contact(*areas: str, now_offsets: tuple[timedelta, ...] = ()) -> Reads:
    return Reads(frozenset(areas), per_contact=True, now_offsets=now_offsets)


def _whole(*areas: str) -> Reads:
    return Reads(frozenset(areas))


EVERYTHING = Reads(AREAS)

DECLARED: dict[str, Reads] = {
    # Per contact: loops over ctx.contacts / diagnoses / procedures / times with findings at the row's path.
    "code_shapes": _per_contact("today"),  # SEI-C03: retired before today
    "contact_periods": _per_contact("course", "now", now_offsets=(timedelta(days=30),)),  # 05.15
    "contact_unit": _per_contact("today"),
    "contact_codes": _per_contact(),
    "contact_kinds": _per_contact(),
    "contact_reason": _per_contact(),
    "diagnosis_codes": _per_contact("today"),
    "birth_and_death": _per_contact(),
    "cancer": _per_contact(),
    "metastases_and_recurrences": _per_contact("today"),
    "unreadable_times": _per_contact(),
    "no_future_times": _per_contact("now", now_offsets=(timedelta(0),)),
    "contact_fields": _per_contact(),
    "diagnosis_fields": _per_contact(),
    "procedure_fields": _per_contact(),
    "sor_shape": _per_contact(),
    "procedure_periods": _per_contact("course"),
    "procedure_ends": _per_contact("course"),
    "procedure_payment": _per_contact(),
    "procedure_unit": _per_contact("today"),
    "procedure_codes": _per_contact(),
    # Whole form, reading only the parts named.
    "course_period": _whole("course"),
    "course_unit": _whole("course", "today"),
    "course_codes": _whole("course", "today"),
    "reference_type": _whole("referral", "course"),
    "markers": _whole("course", "markers"),
    "referral": _whole("referral", "course"),
    "patient_cpr": _whole("patient"),
    "after_birth": _whole("patient", "course", "referral"),
    "course_fields": _whole("course"),
    "referral_fields": _whole("referral"),
    "payments": _whole("payment", "procedures"),
    "payment_codes": _whole("payment", "course", "procedures"),
    "marker_fields": _whole("markers"),
}


def reads_of(name: str) -> Reads:
    """The declared reads of a rule function (everything, whole form, when it declares none)."""
    return DECLARED.get(name, EVERYTHING)
