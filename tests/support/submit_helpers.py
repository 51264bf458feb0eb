"""A form that passes the full validation with the store's starter catalog (warnings only), for submit tests."""

from __future__ import annotations

from datetime import date

from seilocal.model import Form

from .rules_fakes import base_form

BASE_DAY = "2026-11-03"


def clean_form(day: date | None = None) -> Form:
    """rules_fakes.base_form with the side the starter catalog requires for KHAC20; every time moved to `day`
    when given (tests against the real clock must stay within the reporting deadline)."""
    form = base_form()
    form.contacts[0].procedures[0].side = "TUL1"
    if day is None:
        return form
    return Form.model_validate_json(form.to_json().replace(BASE_DAY, day.isoformat()))


PRACTICE_CVR = "25469364"


def set_practice(store, unit: str | None = None) -> None:
    """Give the store's practice profile the reporting SOR unit and CVR a submission's LPR3 document needs
    (without them a submission is refused)."""
    from seilocal.model.profile import PracticeProfile
    from seilocal.store.profile import save_profile

    from .rules_fakes import UNIT

    save_profile(store.prefs, PracticeProfile(clinic_name="Klinik", cvr=PRACTICE_CVR, responsible_unit=unit or UNIT))
