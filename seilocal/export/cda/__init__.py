"""LPR3's own format: the form as HL7 CDA R2 "DK Episode Of Care Summaries" documents, and back (docs/cda.md)."""

from .build import build_cancellation, build_document, to_bytes
from .header import Header, has_course_entry
from .integrity import IntegrityError, check_integrity
from .parse import CdaParseError, safe_parse
from .text import document_bytes

__all__ = [
    "CdaParseError",
    "Header",
    "IntegrityError",
    "build_cancellation",
    "build_document",
    "check_integrity",
    "document_bytes",
    "has_course_entry",
    "safe_parse",
    "to_bytes",
]
