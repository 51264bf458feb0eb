"""One module per section of the form; each has `build(editor)`, found by the section's key."""

from __future__ import annotations

from collections.abc import Callable

from ..form_editor import FormEditor
from . import contacts, course, markers, patient, payment, procedures, referral, result_reports

_BUILDERS: dict[str, Callable[[FormEditor], None]] = {
    "patient": patient.build,
    "course": course.build,
    "referral": referral.build,
    "payment": payment.build,
    "markers": markers.build,
    "contacts": contacts.build,
    "procedures": procedures.build,
    "result_reports": result_reports.build,
}


def section_builder(key: str) -> Callable[[FormEditor], None]:
    """The `build` function of a section (KeyError for a key that names no section: a programming error)."""
    return _BUILDERS[key]
