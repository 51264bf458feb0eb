"""Parsing of the date-time text users type into a time field (product.md F4.1.1).

Accepted input, date and time separated by blanks (or a `T` in the canonical form):

- date: `dd-mm-åååå`, `dd.mm.åååå`, `dd/mm/åååå`, `ddmmåååå`, `d-m-åååå` (one- or two-digit day and month),
  and the canonical `åååå-mm-dd`;
- shortcuts: `d` = today, `12` = the 12th of this month, `12.01` / `12-01` / `12/01` = 12 January this year;
- time: `tt:mm:ss`, `tt:mm`, `t:mm`, the same with `.` instead of `:` (Danes write `14.30`),
  and the digit-only `ttmm` / `ttmmss` (quick to type on a number pad). An hour alone (`14`) is refused:
  it is too easy to mistake for a day.

A date needs a time: a date alone is an error. A field shows such a date written out (`expand_date_only`) and
waits for the time, as the quick guide describes. Two-digit years are refused rather than guessed.
The forms list's date filters take the same dates and shortcuts (`date_filter_prefix`).
The canonical stored value is `YYYY-MM-DDTHH:MM:SS`. Nothing here raises on bad input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

# [0-9] rather than \d: \d also matches Arabic-Indic and other Unicode digits, which int() would accept.
_CANONICAL = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_ISO_WITH_T = re.compile(r"([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})[Tt](.*)")
_DMY = re.compile(r"([0-9]{1,2})[-./]([0-9]{1,2})[-./]([0-9]+)")
_DMY_COMPACT = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{4})")
_DAY_MONTH = re.compile(r"([0-9]{1,2})[-./]([0-9]{1,2})")
_DAY = re.compile(r"[0-9]{1,2}")
_TIME_SEP = re.compile(r"([0-9]{1,2})[:.]([0-9]{2})(?:[:.]([0-9]{2}))?")
_TIME_COMPACT = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{2})?")

MSG_NEEDS_TIME = "Et tidspunkt skal have et klokkeslæt (tt:mm)"
MSG_NEEDS_DATE = "Et tidspunkt skal have en dato (dd-mm-åååå)"
MSG_YEAR_DIGITS = "Året skal skrives med fire cifre (dd-mm-åååå)"
MSG_TOO_MANY_PARTS = "Skriv dato og klokkeslæt som dd-mm-åååå tt:mm"


@dataclass(frozen=True)
class ParsedTime:
    """The outcome of parsing one typed time: a canonical value or a Danish error, never both."""

    value: str | None = None
    error: str | None = None
    date_only: bool = False

    @property
    def ok(self) -> bool:
        """True when the text gave a canonical value."""
        return self.value is not None


class _InputError(Exception):
    """Internal: carries a Danish message out of the helpers."""


def to_canonical(moment: datetime) -> str:
    """The canonical stored form `YYYY-MM-DDTHH:MM:SS` of a datetime (seconds kept, microseconds dropped)."""
    # f-string rather than strftime: %Y does not zero-pad years below 1000 on every platform.
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
        f"T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
    )


def format_date(day: date) -> str:
    """A date in the Danish display form `dd-mm-åååå`."""
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def _make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise _InputError(f"Datoen findes ikke: {day:02d}-{month:02d}-{year:04d}") from None


def _parse_date(token: str, today: date) -> date:
    low = token.lower()
    if low == "d":
        return today
    if m := _ISO_DATE.fullmatch(token):
        return _make_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.fullmatch(token):
        if len(m[3]) != 4:
            raise _InputError(MSG_YEAR_DIGITS)
        return _make_date(int(m[3]), int(m[2]), int(m[1]))
    if m := _DMY_COMPACT.fullmatch(token):
        return _make_date(int(m[3]), int(m[2]), int(m[1]))
    if m := _DAY_MONTH.fullmatch(token):
        return _make_date(today.year, int(m[2]), int(m[1]))
    if _DAY.fullmatch(token):
        return _make_date(today.year, today.month, int(token))
    if _TIME_SEP.fullmatch(token):
        raise _InputError(MSG_NEEDS_DATE)
    raise _InputError(f"Ukendt dato: »{token}«. Skriv dd-mm-åååå, fx 03-11-2026")


def _parse_time(token: str) -> time:
    m = _TIME_SEP.fullmatch(token) or _TIME_COMPACT.fullmatch(token)
    if m is None:
        raise _InputError(f"Ukendt klokkeslæt: »{token}«. Skriv tt:mm eller tt:mm:ss")
    hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
    try:
        return time(hour, minute, second)
    except ValueError:
        shown = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if m[3] else "")
        raise _InputError(f"Klokkeslættet findes ikke: {shown}") from None


def _split(text: str) -> list[str]:
    tokens = text.split()
    if len(tokens) == 1 and (m := _ISO_WITH_T.fullmatch(tokens[0])):
        # `2026-11-03T` with nothing after the T is a date without a time.
        return [m[1], m[2]] if m[2] else [m[1]]
    return tokens


def parse_datetime_input(text: str, today: date) -> ParsedTime:
    """Parse what a user typed into a time field; blank gives an empty result, never raises."""
    tokens = _split(text or "")
    if not tokens:
        return ParsedTime()
    if len(tokens) > 2:
        return ParsedTime(error=MSG_TOO_MANY_PARTS)
    try:
        day = _parse_date(tokens[0], today)
        if len(tokens) == 1:
            return ParsedTime(error=MSG_NEEDS_TIME, date_only=True)
        clock = _parse_time(tokens[1])
    except _InputError as exc:
        return ParsedTime(error=str(exc))
    return ParsedTime(value=to_canonical(datetime.combine(day, clock)))


def parse_stored(value: str | None) -> datetime | None:
    """Strictly parse a stored canonical `YYYY-MM-DDTHH:MM:SS`; None for anything else."""
    if value is None or not (m := _CANONICAL.fullmatch(value)):
        return None
    year, month, day, hour, minute, second = (int(part) for part in m.groups())
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def format_for_display(iso: str | None) -> str:
    """Show a stored value as `dd-mm-åååå tt:mm:ss`; a non-canonical stored text is shown verbatim."""
    if iso is None:
        return ""
    moment = parse_stored(iso)
    if moment is None:
        return iso
    return f"{format_date(moment.date())} {moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"


def replace_date(text: str, picked: date) -> str:
    """The typed text with its date part replaced by `picked` (from the calendar), keeping any typed time."""
    tokens = _split(text or "")
    # Only a second token is a time; with one token (a date, or junk) the picked date replaces it all.
    if len(tokens) >= 2:
        return f"{format_date(picked)} {' '.join(tokens[1:])}"
    return format_date(picked)


def expand_date_only(text: str, today: date) -> str | None:
    """A date typed without a time (`d`, `12`, `12.01`, `03-11-2026`) written out as `dd-mm-åååå `, else None.

    The trailing blank is where the time goes: a field shows this and waits for the time.
    """
    tokens = _split(text or "")
    if len(tokens) != 1:
        return None
    try:
        return format_date(_parse_date(tokens[0], today)) + " "
    except _InputError:
        return None


_MONTH_YEAR = re.compile(r"([0-9]{1,2})[-./]([0-9]{4})")
_YEAR = re.compile(r"[0-9]{4}")


def date_filter_prefix(text: str, today: date) -> str | None:
    """The ISO prefix a date filter matches: a date (with the shortcuts), `mm-åååå` or `åååå`; None if unknown."""
    token = (text or "").strip()
    if _YEAR.fullmatch(token):
        return token
    if m := _MONTH_YEAR.fullmatch(token):
        month = int(m[1])
        return f"{m[2]}-{month:02d}" if 1 <= month <= 12 else None
    tokens = _split(token)
    if len(tokens) != 1:
        return None
    try:
        return _parse_date(tokens[0], today).isoformat()
    except _InputError:
        return None


def typed_date(text: str, today: date) -> date | None:
    """The date part of the typed text when it is a valid date (with or without a time), else None."""
    tokens = _split(text or "")
    if not tokens or len(tokens) > 2:
        return None
    try:
        return _parse_date(tokens[0], today)
    except _InputError:
        return None
