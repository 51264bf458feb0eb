"""Strict parsing of the form's canonical times (`YYYY-MM-DDTHH:MM:SS`); anything else is not a time."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

TIME_FORMAT = "%Y-%m-%dT%H:%M:%S"

# fromisoformat alone accepts many shapes (dates without time, offsets, fractions); the regex pins the one
# canonical shape first, and fromisoformat then refuses impossible dates such as 31 February. It is an order
# of magnitude faster than strptime, which matters for 1,000-contact forms.
_CANONICAL = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


# Rules, triggers and deadlines read the same strings again; caching keeps big forms inside the time budget.
@lru_cache(maxsize=1 << 16)
def parse_time(text: str | None) -> datetime | None:
    """The datetime of a canonical time string, or None when blank or not a valid canonical time."""
    if not text or not _CANONICAL.fullmatch(text):
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def is_blank(value: str | None) -> bool:
    """True for None and for strings holding only whitespace."""
    # isspace() knows the same whitespace as strip() without building a new string (called ~35 times a contact).
    return not value or value.isspace()


def format_da(moment: datetime) -> str:
    """A time as Danish users read it: `dd-mm-åååå tt:mm`."""
    return moment.strftime("%d-%m-%Y %H:%M")
