"""Checking of a typed CPR number or replacement number (product.md F4.3, lpr3-reference.md §4).

Accepted: `DDMMYY-SSSS` and `DDMMYYSSSS` (a blank instead of the hyphen is tolerated). Replacement numbers
(erstatnings-CPR, eCPR) are accepted in two forms:

- the CPR office's construction: a CPR number whose first day digit is raised by 6 (day 07 becomes 67);
- the health-sector D-eCPR / X-eCPR `DDMMYYCAAG`: C a century digit, AA two letters A-Z, G the sex digit.

The date and the century rule of real CPR numbers come from `stdnum.dk.cpr`. Modulus 11 was abandoned in
2007, so a failing check is only a warning. Nothing here raises on bad input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from stdnum.dk import cpr as stdnum_cpr
from stdnum.exceptions import ValidationError

CprKind = Literal["cpr", "ecpr", "invalid", "empty"]
Sex = Literal["M", "F"]

# re.ASCII and [0-9]: Unicode digits and letters must not slip through into int() or upper().
_SEPARATED = re.compile(r"([0-9A-Za-z]{6})[- ]([0-9A-Za-z]{4})", re.ASCII)
_DIGITS = re.compile(r"[0-9]{10}", re.ASCII)
_HEALTH_ECPR = re.compile(r"[0-9]{7}[A-Za-z]{2}[0-9]", re.ASCII)
_ALNUM = re.compile(r"[0-9A-Za-z]{10}", re.ASCII)

# Century of a D-eCPR / X-eCPR from its 7th character (lpr3-reference.md §4, sources S9):
# X-eCPR uses 1 (1900s) and 7 (2000s); older local eCPRs 0 (1900s), 5 (before 1900), 6 (after 1999).
_ECPR_CENTURY = {"0": 1900, "1": 1900, "5": 1800, "6": 2000, "7": 2000}

MSG_LENGTH = "Et CPR-nummer har 10 cifre: DDMMÅÅ-LLLL"
MSG_LETTERS = "Et CPR-nummer må kun have bogstaver på 8. og 9. plads (erstatnings-CPR: DDMMÅÅ-CBBK)"
MSG_MOD11 = (
    "Kontrolcifferet (modulus 11) passer ikke. Det er tilladt, da kontrollen ikke bruges længere,"
    " men se efter, om nummeret er tastet rigtigt"
)
MSG_ECPR_OFFICE = "Erstatnings-CPR (CPR-kontorets form: dagen er hævet med 60), ikke et rigtigt CPR-nummer"
MSG_ECPR_HEALTH = "Erstatnings-CPR (eCPR med bogstaver), ikke et rigtigt CPR-nummer"
MSG_ECPR_CENTURY = "Århundredet kan ikke aflæses af erstatnings-CPR-nummeret; fødselsdatoen er ukendt"


@dataclass(frozen=True)
class CprCheck:
    """The outcome of checking one typed CPR number; errors block, warnings only inform."""

    normalized: str | None
    kind: CprKind
    birth_date: date | None = None
    sex: Sex | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True for a usable CPR or eCPR number."""
        return self.kind in ("cpr", "ecpr")

    @property
    def formatted(self) -> str | None:
        """The number shown as `DDMMYY-SSSS`, or None when it is not usable."""
        return f"{self.normalized[:6]}-{self.normalized[6:]}" if self.normalized else None


def _invalid(message: str) -> CprCheck:
    return CprCheck(normalized=None, kind="invalid", errors=[message])


def _sex(digit: str) -> Sex:
    return "M" if int(digit) % 2 else "F"


def _date_message(compact: str) -> str:
    return f"Fødselsdatoen i CPR-nummeret findes ikke: {compact[0:2]}-{compact[2:4]}-{compact[4:6]}"


def _compact(text: str) -> str | None:
    """The ten characters without separator, or None when the shape is wrong."""
    stripped = text.strip()
    if m := _SEPARATED.fullmatch(stripped):
        return m[1] + m[2]
    return stripped if len(stripped) == 10 else None


def _check_digits(number: str, today: date) -> CprCheck:
    """A real CPR number, or the CPR office's eCPR with the day raised by 60."""
    office_ecpr = number[0] in "6789"
    # The CPR office's construction keeps every other rule of a CPR number, so lower the day and reuse stdnum.
    as_cpr = str(int(number[0]) - 6) + number[1:] if office_ecpr else number
    try:
        born = stdnum_cpr.get_birth_date(as_cpr)
    except ValidationError:
        return _invalid(_date_message(as_cpr))
    if born > today:
        return _invalid(f"Fødselsdatoen i CPR-nummeret ligger i fremtiden: {born:%d-%m-%Y}")
    warnings = [MSG_ECPR_OFFICE] if office_ecpr else []
    # Mod 11 says nothing about a replacement number, so only real numbers get the warning.
    if not office_ecpr and stdnum_cpr.checksum(number) != 0:
        warnings.append(MSG_MOD11)
    return CprCheck(
        normalized=number,
        kind="ecpr" if office_ecpr else "cpr",
        birth_date=born,
        sex=_sex(number[9]),
        warnings=warnings,
    )


def _check_health_ecpr(number: str, today: date) -> CprCheck:
    """A D-eCPR / X-eCPR `DDMMYYCAAG`."""
    number = number.upper()
    day, month, yy = int(number[0:2]), int(number[2:4]), int(number[4:6])
    century = _ECPR_CENTURY.get(number[6])
    # With an unknown century, 2000+yy still tells whether 29 February exists (leap years repeat every 4).
    try:
        born = date((century or 2000) + yy, month, day)
    except ValueError:
        return _invalid(_date_message(number))
    warnings = [MSG_ECPR_HEALTH]
    if century is None:
        warnings.append(MSG_ECPR_CENTURY)
        birth_date = None
    elif born > today:
        return _invalid(f"Fødselsdatoen i CPR-nummeret ligger i fremtiden: {born:%d-%m-%Y}")
    else:
        birth_date = born
    return CprCheck(
        normalized=number, kind="ecpr", birth_date=birth_date, sex=_sex(number[9]), warnings=warnings
    )


def check_cpr(text: str | None, *, today: date | None = None) -> CprCheck:
    """Check a typed CPR or eCPR number; blank gives kind 'empty', never raises."""
    if text is None or not text.strip():
        return CprCheck(normalized=None, kind="empty")
    today = today or date.today()
    number = _compact(text)
    if number is None:
        return _invalid(MSG_LENGTH)
    if _DIGITS.fullmatch(number):
        return _check_digits(number, today)
    if _HEALTH_ECPR.fullmatch(number):
        return _check_health_ecpr(number, today)
    if _ALNUM.fullmatch(number):
        return _invalid(MSG_LETTERS)
    return _invalid("Et CPR-nummer må kun indeholde cifre og en bindestreg")
