"""Why an official LPR3 rule is not checked here: rules about data the SEI-LPR form does not hold."""

from __future__ import annotations

_ADDRESS = (
    "the form holds no stay addresses (opholdsadresser); the export derives them from the contact's unit"
)
_PAYMENT = "the form holds one payment set without times; the export gives each contact its period"
_ART = "the diagnosis art is derived from the kind (action/secondary); the form cannot hold a wrong art"
_STATUS = "the form keeps the report status as complete/incomplete; the SKS status code is set at export"
_RESULT_TIME = "results in the form carry no time of their own"
_SINGLE = "the form holds at most one value per result type, so 'at most one' cannot fail"
_INDICATION = "the form holds no procedure indication"
NOT_APPLICABLE: dict[str, str] = {
    "01.a": "the form holds no address (bopæl)",
    "01.b": "the form holds no address (bopæl)",
    "02.03": "the referenced course's start time is not in the form",
    "3101": "the referenced course's patient is not in the form",
    "3102": "the referenced course's patient is not in the form",
    "5105": _ADDRESS,
    "5106": _ADDRESS,
    "05.12": "the form holds no treatment start (behandlingsstart)",
    "05.13": "the form holds no treatment start (behandlingsstart)",
    "06.02": "the form holds no referral on a contact, only the course's referral",
    "06.59": "the form holds no supplementary code for the referral reason",
    "10.32": "procedure payments hold no times; the export gives them the procedure's period",
    "11.57": _INDICATION,
    "11.60": _INDICATION,
    "11.e": _INDICATION,
    "12.03.101": _ART,
    "12.04.101": _ART,
    "12.51": _ART,
    "12.a-1": _ART,
    "12.a-2": _ART,
    "15.b": _STATUS,
    "16.a": _RESULT_TIME + " (16.a-1 checks the type at the trigger's time)",
}
for _rule in ("15.11", "15.12", "15.13", "15.15", "15.15-1", "15.16"):
    NOT_APPLICABLE[_rule] = _STATUS
for _rule in ("16.11", "16.12", "16.13", "16.15", "16.16"):
    NOT_APPLICABLE[_rule] = _RESULT_TIME
for _rule in ("09.01", "09.02", "09.12", "09.13", "09.15", "09.16a", "09.16b", "09.41", "09.42", "09.43"):
    NOT_APPLICABLE[_rule] = _ADDRESS
for _rule in ("09.44", "09.51", "09.61", "09.a"):
    NOT_APPLICABLE[_rule] = _ADDRESS
for _rule in ("10.01", "10.02", "10.12", "10.13", "10.15", "10.16a", "10.16b"):
    NOT_APPLICABLE[_rule] = _PAYMENT


def not_applicable_reason(rule_name: str, error_text_da: str) -> str | None:
    """The reason an official rule does not apply to the form, or None when it applies."""
    if rule_name in NOT_APPLICABLE:
        return NOT_APPLICABLE[rule_name]
    # Every "Der må højst være 1 ..." / "kan der højest være 1 ..." rule: one value per type by design.
    lowered = error_text_da.lower()
    if "højst være 1" in lowered or "højest være 1" in lowered:
        return _SINGLE
    return None
