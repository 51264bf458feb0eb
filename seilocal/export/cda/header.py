"""What a CDA document needs beyond the form (`Header`), and whether the form carries its course itself.

Its own module so that the writer (build.py) and the checks before writing (integrity.py) both import it and
neither imports the other (they did, the one way at load and the other inside a function: an import circle).
Pure: no SQL, no NiceGUI.
"""

from __future__ import annotations

from dataclasses import dataclass

from seilocal.model import Form


@dataclass(frozen=True)
class Header:
    """What a document needs beyond the form: its version, when, and who reports."""

    version: int
    effective: str  # Danish wall-clock time of the submission, YYYY-MM-DDTHH:MM:SS
    author_unit: str  # the practice's reporting SOR unit
    custodian_cvr: str  # the practice's CVR number


def has_course_entry(form: Form) -> bool:
    """Whether the form carries its course itself (else it only refers to a course known to LPR3 by its id)."""
    course = form.course
    return bool(course.start or course.responsible_unit or course.start_marker or form.markers)
