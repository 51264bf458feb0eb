"""Pure text helpers of the PDF: how times, codes and empty values read on paper (no fpdf2 here)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime

Describe = Callable[[str], str | None]

# Shown for a field the user left empty; an en dash reads as "nothing" on a Danish form.
EMPTY = "–"
NONE_ROWS = "Ingen"

# The watermark words; "changed" is shortened from its screen label so it fits across the page.
WATERMARKS: dict[str, str] = {
    "draft": "KLADDE",
    "submitted": "INDBERETTET",
    "changed": "ÆNDRET",
    "cancelled": "ANNULLERET",
}

_CANONICAL = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})")
# Tabs and other C0 controls print as boxes or nothing at all; line breaks are kept.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean(text: str) -> str:
    """Text as it may be printed: composed accents, plain line ends, no control characters (pasted text)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROLS.sub(" ", text)


def value(text: str | None) -> str:
    """A free-text or identifier value, or the empty mark."""
    if text is None or not text.strip():
        return EMPTY
    return clean(text)


def format_time(text: str | None) -> str:
    """A stored canonical time as `dd-mm-åååå tt:mm`; anything that does not parse is printed verbatim."""
    if text is None or not text.strip():
        return EMPTY
    match = _CANONICAL.fullmatch(text.strip())
    if match is None:
        return clean(text)
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups())
        moment = datetime(year, month, day, hour, minute, second)
    except ValueError:  # e.g. 2026-02-31T10:00:00: shown as typed, so the reader sees the error
        return clean(text)
    return moment.strftime("%d-%m-%Y %H:%M")


def format_printed_at(moment: datetime) -> str:
    """The print time as `dd-mm-åååå tt:mm`."""
    return moment.strftime("%d-%m-%Y %H:%M")


def code(text: str | None, describe: Describe | None) -> str:
    """An SKS code as `KODE – tekst` when the catalog knows it, the code alone otherwise."""
    if text is None or not text.strip():
        return EMPTY
    shown = clean(text.strip())
    if describe is None:
        return shown
    try:
        meaning = describe(text.strip())
    except Exception:  # a failing catalog must not stop a print; the code alone is enough
        meaning = None
    if not meaning:
        return shown
    return f"{shown} – {clean(meaning)}"


def codes(items: Iterable[str], describe: Describe | None) -> str:
    """A list of codes, one per line, or the empty mark."""
    shown = [code(item, describe) for item in items if item and item.strip()]
    return "\n".join(shown) if shown else EMPTY


def labelled_lines(pairs: Iterable[tuple[str, str | None]]) -> str:
    """`Label: value` lines for the values that are set, or the empty mark."""
    lines = [f"{label}: {shown}" for label, shown in pairs if shown and shown != EMPTY]
    return "\n".join(lines) if lines else EMPTY
