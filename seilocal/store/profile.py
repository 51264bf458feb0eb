"""The practice profile kept as JSON in the user's preferences (key "profile")."""

from __future__ import annotations

import logging

from pydantic import ValidationError

from seilocal.model.profile import PracticeProfile, normal_cvr

from .forms import Prefs

PROFILE_KEY = "profile"
CVR_KEY = "profile.cvr"  # read on its own by the SOR look-up ("Mit CVR")

log = logging.getLogger(__name__)


def load_profile(prefs: Prefs) -> PracticeProfile:
    """The saved profile, or an empty one when none is saved or it cannot be read."""
    text = prefs.get(PROFILE_KEY)
    if not text:
        return PracticeProfile()
    try:
        return PracticeProfile.model_validate_json(text)
    except ValidationError:
        # Not patient data, but the text is not logged anyway: only that it was unreadable.
        log.warning("the saved practice profile could not be read; starting from an empty one")
        return PracticeProfile()


def save_profile(prefs: Prefs, profile: PracticeProfile) -> None:
    """Save the profile, and the CVR under its own key ('' while it is not a valid 8-digit number)."""
    with prefs.db.atomic():  # both keys or neither
        prefs.set(PROFILE_KEY, profile.model_dump_json())
        prefs.set(CVR_KEY, normal_cvr(profile.cvr) or "")
