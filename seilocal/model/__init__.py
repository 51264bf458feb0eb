"""The form document: pure pydantic models, no I/O, nothing else of seilocal."""

from .form import (
    FORMAT,
    STATUS_LABELS_DA,
    Contact,
    Course,
    Diagnosis,
    Form,
    FormatError,
    Marker,
    Patient,
    Payment,
    Procedure,
    Referral,
    ResultReport,
    Trigger,
    check_format,
    new_id,
)
from .paths import PathError, get_path, parse_path, set_path

__all__ = [
    "FORMAT", "STATUS_LABELS_DA", "Contact", "Course", "Diagnosis", "Form", "FormatError", "Marker",
    "Patient", "Payment", "Procedure", "Referral", "ResultReport", "Trigger", "check_format", "new_id",
    "PathError", "get_path", "parse_path", "set_path",
]
