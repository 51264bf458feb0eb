"""What the rules need from the patient's CPR number, through the optional `seilocal.model.cpr` module."""

from __future__ import annotations

import importlib
import importlib.util
from datetime import date
from typing import Any

from seilocal.model.form import Form
from seilocal.rules.timeparse import is_blank


def cpr_check(text: str | None) -> Any | None:
    """The CprCheck of a CPR text, or None when the CPR module is not available."""
    # The CPR checker is written alongside the rules; import lazily so the engine works without it.
    if importlib.util.find_spec("seilocal.model.cpr") is None:
        return None
    return importlib.import_module("seilocal.model.cpr").check_cpr(text)


def birth_date_of(form: Form) -> date | None:
    """The patient's birth date read from the CPR number, or None."""
    if is_blank(form.patient.cpr):
        return None
    check = cpr_check(form.patient.cpr)
    return getattr(check, "birth_date", None) if check is not None else None
