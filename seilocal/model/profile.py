"""The practice profile (F1): who reports, their own SOR units and the defaults a new form starts with."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field
from stdnum.dk import cvr as stdnum_cvr

from .form import Course, Form, Payment

_CVR = re.compile(r"^\d{8}$")


class PracticeProfile(BaseModel):
    """The clinic's settings; every value optional so a half-filled profile is still kept."""

    # Unknown keys are ignored: a profile written by a newer version must not lock the user out.
    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    clinic_name: str | None = None
    cvr: str | None = None
    own_units: list[str] = Field(default_factory=list)
    responsible_unit: str | None = None
    payer: str | None = None
    agreement: str | None = None
    specialisation_level: str | None = None

    def default_payment(self) -> Payment:
        """The payment a new form starts with."""
        return Payment(payer=self.payer, agreement=self.agreement, specialisation_level=self.specialisation_level)

    @property
    def has_default_payment(self) -> bool:
        """Whether any default payment value is set."""
        return any((self.payer, self.agreement, self.specialisation_level))


def normal_cvr(text: str | None) -> str | None:
    """The CVR number without blanks, or None when it is not 8 digits."""
    compact = re.sub(r"\s", "", text or "")
    return compact if _CVR.match(compact) else None


def check_cvr(text: str | None) -> str | None:
    """A Danish error for a CVR number that is not 8 digits (None when fine or empty)."""
    if not text or not text.strip():
        return None
    return None if normal_cvr(text) else "Et CVR-nummer har 8 cifre."


def cvr_warning(text: str | None) -> str | None:
    """A Danish warning for an 8-digit CVR number whose modulus-11 check digit does not fit (None when fine)."""
    number = normal_cvr(text)
    if number is None or stdnum_cvr.is_valid(number):
        return None
    # A warning, not an error: the number is still used for "Mit CVR", the SOR file decides what it holds.
    return "Kontrolcifferet passer ikke (modulus 11) – tjek CVR-nummeret."


def is_blank(profile: PracticeProfile) -> bool:
    """True when nothing of the profile is filled in."""
    return profile == PracticeProfile()


def new_form_from_profile(profile: PracticeProfile) -> Form:
    """A new form pre-filled with the practice defaults: responsible unit and payment."""
    return Form(course=Course(responsible_unit=profile.responsible_unit), payment=profile.default_payment())
